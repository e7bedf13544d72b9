/**
 * The tearsheet's style sheet, inline in the page (no external file, font or image). System fonts; colour
 * follows sign (green up, red down) and never carries meaning alone (numbers keep their minus sign).
 */
export const PAGE_STYLE = `
:root{--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--panel:#f9fafb;--up:#15803d;--down:#b91c1c;--strategy:#2563eb;--benchmark:#6b7280;--price:#111827;
--a0:#2563eb;--a1:#ea580c;--a2:#16a34a;--a3:#9333ea;--a4:#0891b2;--a5:#ca8a04;--a6:#db2777;--a7:#4b5563;--a8:#65a30d;--a9:#7c3aed}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px}
header h1{font-size:1.6rem;margin:0 0 4px}
header p{margin:0;color:var(--muted)}
nav.toc{display:flex;flex-wrap:wrap;gap:6px 14px;margin:12px 0;padding:8px 0;border-bottom:1px solid var(--line);font-size:.9rem}
nav.toc a{color:var(--strategy);text-decoration:none}
section{margin:28px 0}
h2{font-size:1.2rem;margin:0 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:14px 0 4px}
.note{color:var(--muted);font-size:.88rem;margin:4px 0 8px}
.warnings{background:#fff7ed;border:1px solid #fdba74;border-radius:6px;padding:8px 12px;margin:12px 0}
.warnings li{margin:2px 0}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
thead th{background:var(--panel);font-weight:600}
table.figures td{min-width:9em}
.num{font-variant-numeric:tabular-nums}
.up{color:var(--up)}.down{color:var(--down)}.zero{color:var(--ink)}
td.heat{color:var(--ink)}
td.heat.up{background:rgba(22,163,74,var(--shade))}
td.heat.down{background:rgba(220,38,38,var(--shade))}
td.empty{background:#fff}
.chart{overflow-x:auto}
.chart-svg{display:block;width:100%;min-width:640px;height:auto;font:12px system-ui,sans-serif}
.chart-svg .tick{fill:var(--muted)}
.chart-svg .grid{stroke:var(--line);stroke-width:1}
.chart-svg .baseline{stroke:#9ca3af;stroke-width:1}
.chart-svg .line{fill:none;stroke-width:1.6;vector-effect:non-scaling-stroke}
.line.strategy{stroke:var(--strategy)}.line.benchmark{stroke:var(--benchmark);stroke-dasharray:4 3}
.line.price{stroke:var(--price);stroke-width:1.2}.line.drawdown{stroke:var(--down)}
.fill.drawdown{fill:rgba(220,38,38,.15);stroke:none}
.marker.buy{fill:var(--up)}.marker.sell{fill:var(--down)}
.bar.up{fill:var(--up)}.bar.down{fill:var(--down)}.bar.zero{fill:var(--benchmark)}
${Array.from({ length: 10 }, (_, i) => `.asset-${i}{fill:var(--a${i});background:var(--a${i})}`).join('')}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:4px 0;font-size:.88rem}
.swatch{display:inline-block;width:14px;height:4px;margin-right:6px;vertical-align:middle;border-radius:2px}
.swatch.strategy{background:var(--strategy)}.swatch.benchmark{background:var(--benchmark)}.swatch.price{background:var(--price)}
.swatch.buy{background:var(--up);height:10px;width:10px;clip-path:polygon(50% 0,100% 100%,0 100%)}
.swatch.sell{background:var(--down);height:10px;width:10px;clip-path:polygon(0 0,100% 0,50% 100%)}
.swatch.drawdown{background:var(--down)}
.scale-switch>input{position:absolute;opacity:0}
.scale-switch>label{display:inline-block;padding:4px 12px;border:1px solid var(--line);cursor:pointer;font-size:.88rem}
.scale-switch>label:first-of-type{border-radius:6px 0 0 6px}.scale-switch>label:last-of-type{border-radius:0 6px 6px 0;margin-left:-1px}
.scale-switch>input:checked+label{background:var(--strategy);color:#fff;border-color:var(--strategy)}
.scale-switch>input:focus-visible+label{outline:2px solid var(--strategy);outline-offset:2px}
.scale-switch .log-chart{display:none}
#equity-log:checked~.log-chart{display:block}#equity-log:checked~.linear-chart{display:none}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;font-size:.9rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
pre.spec{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px;overflow-x:auto;font-size:.82rem}
footer{color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding-top:8px;margin-top:32px}
@media print{nav.toc,.scale-switch>label{display:none}.chart-svg{min-width:0}section{break-inside:avoid}}
`;
