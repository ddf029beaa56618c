import type { Command } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

const ERRORS: [RegExp, string][] = [
  [/^error: required option '(.+)' not specified/, '缺少必填选项 $1'],
  [/^error: option '(.+)' argument missing/, '选项 $1 缺少取值'],
  [/^error: unknown option '(.+?)'.*/s, '未知选项 $1'],
  [/^error: unknown command '(.+?)'.*/s, '未知命令 $1'],
  [/^error: missing required argument '(.+)'/, '缺少参数 $1'],
  [/^error: too many arguments.*/s, '参数过多'],
];

const translate = (text: string) => {
  for (const [pattern, zh] of ERRORS) if (pattern.test(text)) return `${text.trim().replace(pattern, zh)}\n`;
  return text;
};

/** Commander's own words (help headings, usage errors) in Chinese. Call before adding commands: they inherit it. */
export function localize(program: Command): Command {
  return program
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
    .configureOutput({ outputError: (text, write) => write(translate(text)) })
    .showHelpAfterError('（加 --help 查看用法）');
}
