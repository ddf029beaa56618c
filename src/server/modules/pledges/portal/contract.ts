import { z } from 'zod';

export const villageParam = z.object({ id: z.coerce.number().int().positive('村编号不正确') });

export const pledgeBoardOut = z.object({
  village: z.object({ id: z.number(), name: z.string() }),
  asOf: z.string(),
  due: z.number(),
  fulfilled: z.number(),
  rate: z.number().nullable(),
  pledges: z.array(
    z.object({
      id: z.number(),
      cadre: z.string(),
      post: z.string(),
      title: z.string(),
      pledgedOn: z.string(),
      report: z.string().nullable(),
      reportedOn: z.string().nullable(),
      progress: z.number(),
      due: z.number(),
      fulfilled: z.number(),
      rate: z.number().nullable(),
      items: z.array(
        z.object({
          id: z.number(),
          parentId: z.number().nullable(),
          title: z.string(),
          target: z.string(),
          dueOn: z.string(),
          progress: z.number(),
          lastReportedOn: z.string().nullable(),
        }),
      ),
    }),
  ),
});
