/** The shapes of /api/v1/portal/openness and /api/v1/portal/pledges (see the server's contract.ts). */
export interface Unit {
  id: number;
  name: string;
  kind: string;
}
export interface ItemRow {
  id: number;
  orgId: number;
  orgName: string;
  typeId: number;
  typeName: string;
  withdrawn: boolean;
  title: string;
  period: string | null;
  indexNo: string | null;
  publishedOn: string | null;
  withdrawnOn: string | null;
  /** 办事程序 only. */
  procedure: Procedure | null;
}
export interface Procedure {
  basis: string;
  conditions: string;
  steps: string;
  timeLimit: string;
}
export interface ItemPage {
  items: ItemRow[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Board {
  unit: Unit & { township: string | null };
  sections: { typeId: number; name: string; timeLimit: string; total: number; latest: ItemRow[] }[];
}
export interface Item extends ItemRow {
  body: string | null;
  finance: {
    lines: { kind: string; item: string; amount: number }[];
    totalIncome: number;
    totalExpense: number;
    balance?: number | null;
  } | null;
  issuingBody: string | null;
  issuedOn: string | null;
  docNumber: string | null;
  withdrawReason: string | null;
  catalogue: { basis: string; timeLimit: string; subject: string };
}
export interface Leaders {
  unit: Unit;
  asOf: string;
  leaders: {
    name: string;
    post: string;
    duties: string | null;
    officePhone: string | null;
    mobile: string | null;
    hours: string | null;
  }[];
}
export interface PledgeBoard {
  village: { id: number; name: string };
  asOf: string;
  due: number;
  fulfilled: number;
  rate: number | null;
  pledges: {
    id: number;
    cadre: string;
    post: string;
    title: string;
    pledgedOn: string;
    report: string | null;
    progress: number;
    rate: number | null;
    items: {
      id: number;
      parentId: number | null;
      title: string;
      target: string;
      dueOn: string;
      progress: number;
      lastReportedOn: string | null;
    }[];
  }[];
}
export interface ObjectionStatus {
  itemId: number;
  itemTitle: string;
  orgName: string;
  text: string;
  receivedOn: string;
  dueOn: string;
  answer: string | null;
  answeredOn: string | null;
}
export const KIND_LABELS: Record<string, string> = {
  township: '乡镇',
  department: '站所',
  village: '行政村',
};
