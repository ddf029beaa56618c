import { Field } from './Field';

export interface Reporter {
  name: string;
  phone: string;
  idNumber: string;
  address: string;
}

/** 实名 or 匿名, with a plain explanation of how a reporter's identity is protected. */
export function IdentityFields({
  anonymous,
  onAnonymous,
  reporter,
  onReporter,
  errors,
}: {
  anonymous: boolean;
  onAnonymous: (v: boolean) => void;
  reporter: Reporter;
  onReporter: (r: Reporter) => void;
  errors: Record<string, string>;
}) {
  const set = (k: keyof Reporter) => (e: { target: { value: string } }) =>
    onReporter({ ...reporter, [k]: e.target.value });
  return (
    <fieldset className="identity">
      <legend className="label">举报方式</legend>
      <div className="toggle">
        <label className={anonymous ? '' : 'on'}>
          <input type="radio" name="identity" checked={!anonymous} onChange={() => onAnonymous(false)} />
          实名举报
        </label>
        <label className={anonymous ? 'on' : ''}>
          <input type="radio" name="identity" checked={anonymous} onChange={() => onAnonymous(true)} />
          匿名举报
        </label>
      </div>
      {anonymous ? (
        <p className="explain">
          匿名举报不需要填写任何个人信息。提交后请保存好查询码，凭查询码查看办理进度和答复。匿名举报无法主动告知您结果，如需核实情况也无法联系您，请尽量把问题写具体。
        </p>
      ) : (
        <>
          <p className="explain">
            您的姓名、电话等信息加密保存，只有经授权的纪检人员在办理需要时才能查看，每次查看都留有记录；被反映人及其亲属看不到任何举报信息。实名举报将在规定期限内告知您办理结果。
          </p>
          <Field label="姓名" error={errors['reporter.name'] ?? errors.reporter}>
            <input
              value={reporter.name}
              maxLength={30}
              onChange={set('name')}
              aria-label="姓名"
              autoComplete="name"
            />
          </Field>
          <Field label="联系电话" error={errors['reporter.phone']}>
            <input
              value={reporter.phone}
              inputMode="tel"
              maxLength={20}
              onChange={set('phone')}
              aria-label="联系电话"
              autoComplete="tel"
            />
          </Field>
          <Field label="身份证号（可不填）" error={errors['reporter.idNumber']}>
            <input
              value={reporter.idNumber}
              maxLength={18}
              onChange={set('idNumber')}
              aria-label="身份证号"
            />
          </Field>
          <Field label="住址（可不填）" error={errors['reporter.address']}>
            <input value={reporter.address} maxLength={100} onChange={set('address')} aria-label="住址" />
          </Field>
        </>
      )}
    </fieldset>
  );
}
