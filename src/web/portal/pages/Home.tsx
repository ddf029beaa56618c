import { Link } from '../router';

/** 首页: what a citizen can do here, in a few plain sentences. */
export function Home() {
  return (
    <section>
      <h1>网上信访举报</h1>
      <p className="lead">
        对党员干部、村（社区）干部违反纪律、不正之风和侵害群众利益的问题，您可以在这里向乡镇纪委反映。
      </p>
      <div className="cards">
        <Link to="/portal/report" className="card main">
          <strong>我要举报</strong>
          <span>填写反映的问题，可上传照片或文件。实名、匿名均可。</span>
        </Link>
        <Link to="/portal/status" className="card">
          <strong>查询进度</strong>
          <span>凭提交后获得的查询码，查看办理进度和答复，补充材料、评价或申请复查。</span>
        </Link>
      </div>
      <h2>您需要知道</h2>
      <ul className="notes">
        <li>提交成功后会显示一个查询码，它只显示一次，请务必抄写或截图保存。</li>
        <li>
          实名举报的姓名和联系方式加密保存，只有经授权的纪检人员才能查看，每次查看都有记录；被反映人看不到任何举报信息。
        </li>
        <li>实名举报的，将在规定期限内告知您办理结果；匿名举报的，请凭查询码查看。</li>
        <li>
          对答复不满意的，可在规定期限内（收到答复之日起 30
          日内）凭查询码申请复查，对复查结果不满意可申请复核。
        </li>
        <li>请如实反映问题，捏造事实、诬告陷害他人的，将依法依规追究责任。</li>
      </ul>
    </section>
  );
}
