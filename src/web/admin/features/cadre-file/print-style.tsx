/**
 * Print the file alone: no menu, header or buttons; keep the watermark (a background image, which
 * browsers drop unless told to print backgrounds); years do not split across pages where avoidable.
 */
const CSS = `
.jd-print-only { display: none; }
@media print {
  .jd-print-only { display: block !important; }
  @page { size: A4; margin: 14mm; }
  .ant-layout-sider, .ant-layout-header, .jd-no-print { display: none !important; }
  .ant-layout, body { background: #fff !important; }
  .ant-layout-content { margin: 0 !important; padding: 0 !important; }
  * { -webkit-print-color-adjust: exact !important; print-color-adjust: exact !important; }
  .jd-file-year { break-inside: avoid-page; }
  .ant-card { break-inside: avoid; box-shadow: none !important; }
}
`;

export const PrintStyle = () => <style>{CSS}</style>;
