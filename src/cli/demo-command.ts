import type { AppContext } from '../server/platform/context.js';
import { loadDemo } from './demo/index.js';
import { DEMO_DISTRICT, MARKER_USERNAME } from './demo/platform-data.js';

/** `jiandu demo`: loads the demo district once; the password is printed here and nowhere else. */
export async function demoCommand(ctx: AppContext): Promise<string[]> {
  const result = await loadDemo(ctx);
  if (result.alreadyLoaded) return [`演示数据已经加载过（${DEMO_DISTRICT}），无需重复加载。`];
  const lines = ['演示数据已加载：', ...result.summary.map((s) => `  · ${s}`)];
  if (result.password) {
    lines.push(
      '',
      `所有演示账号的初始密码（只显示这一次，请记下）：${result.password}`,
      `账号示例：${MARKER_USERNAME}（系统管理员）、daxing_party_secretary（大兴镇党委书记）、qingshan_cadre（青山镇干部）`,
      '首次登录须修改密码；管理员和纪检角色还须绑定两步验证。',
    );
  }
  return lines;
}
