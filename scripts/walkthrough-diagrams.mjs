// Writes the walkthrough's step pictures (media/walkthrough/*.svg): one diagram per step, what
// runs where and what ends up in ClickHouse Cloud. Plain SVG, no fonts or scripts, drawn the same
// in light and dark themes (each diagram has its own background). Run: node scripts/walkthrough-diagrams.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const W = 560;
const H = 300;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const COLORS = {
  aws: { fill: '#fff4e5', stroke: '#d9822b' },
  ch: { fill: '#fffbe0', stroke: '#b59b00' },
  vscode: { fill: '#e8f1fb', stroke: '#2f6fb3' },
  paste: { fill: '#e9f7ec', stroke: '#2e8540' },
};

/** A rounded box with a bold first line and smaller lines under it. */
function box(x, y, w, h, kind, [title, ...lines]) {
  const c = COLORS[kind];
  const text = [`<text x="${x + w / 2}" y="${y + 22}" class="t">${esc(title)}</text>`,
    ...lines.map((l, i) => `<text x="${x + w / 2}" y="${y + 42 + i * 17}" class="s">${esc(l)}</text>`)];
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${c.fill}" stroke="${c.stroke}" stroke-width="2"/>${text.join('')}`;
}

function arrow(x1, y1, x2, y2) {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#555" stroke-width="2" marker-end="url(#arrow)"/>`;
}

function svg(title, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>
<style>text{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;text-anchor:middle;fill:#222}.t{font-size:14px;font-weight:600}.s{font-size:12px}.h{font-size:16px;font-weight:700;text-anchor:start}.l{font-size:11px;text-anchor:start;fill:#444}</style></defs>
<rect width="${W}" height="${H}" rx="10" fill="#fafafa" stroke="#ccc"/>
<text x="20" y="30" class="h">${esc(title)}</text>
${body}
<rect x="20" y="${H - 26}" width="12" height="12" fill="${COLORS.aws.fill}" stroke="${COLORS.aws.stroke}"/><text x="38" y="${H - 16}" class="l">your AWS account</text>
<rect x="150" y="${H - 26}" width="12" height="12" fill="${COLORS.vscode.fill}" stroke="${COLORS.vscode.stroke}"/><text x="168" y="${H - 16}" class="l">VS Code</text>
<rect x="240" y="${H - 26}" width="12" height="12" fill="${COLORS.ch.fill}" stroke="${COLORS.ch.stroke}"/><text x="258" y="${H - 16}" class="l">ClickHouse Cloud</text>
<rect x="380" y="${H - 26}" width="12" height="12" fill="${COLORS.paste.fill}" stroke="${COLORS.paste.stroke}"/><text x="398" y="${H - 16}" class="l">what you paste</text>
</svg>
`;
}

const diagrams = {
  'profile-region': svg('Choose an AWS profile and region', [
    box(20, 60, 160, 90, 'vscode', ['~/.aws/config', 'profiles, IAM Identity', 'Center, roles, MFA']),
    arrow(180, 105, 210, 105),
    box(210, 60, 150, 90, 'vscode', ['AWS Explorer', 'profile · account', 'region rows']),
    arrow(360, 105, 390, 105),
    box(390, 60, 150, 90, 'aws', ['Same region', 'as your ClickHouse', 'Cloud service']),
    box(110, 175, 340, 60, 'vscode', ['Select AWS Profiles… · Add Region…', 'the status bar shows the active profile · region']),
  ].join('\n')),
  'vpc-resource': svg('VPC resource: RDS, Aurora or any TCP service', [
    box(20, 55, 150, 70, 'aws', ['Database / TCP', 'RDS ARN, DNS or IP']),
    arrow(170, 90, 200, 90),
    box(200, 55, 160, 70, 'aws', ['Resource gateway', 'subnets + security groups']),
    arrow(360, 90, 390, 90),
    box(390, 55, 150, 70, 'aws', ['Resource config', 'rcfg-…']),
    arrow(465, 125, 465, 150),
    box(330, 150, 210, 70, 'aws', ['RAM share', 'with 072088201116 (ClickPipes)']),
    arrow(330, 185, 290, 185),
    box(20, 150, 270, 70, 'paste', ['Paste into ClickHouse Cloud', 'rcfg- ID + resource share ARN']),
  ].join('\n')),
  'msk-multi-vpc': svg('MSK multi-VPC connectivity', [
    box(20, 60, 160, 80, 'aws', ['MSK cluster', 'Kafka ≥ 2.7.1, ACTIVE', 'SASL/IAM or SCRAM']),
    arrow(180, 100, 210, 100),
    box(210, 60, 150, 80, 'aws', ['Turn on multi-VPC', 'connectivity', 'per auth type']),
    arrow(360, 100, 390, 100),
    box(390, 60, 150, 80, 'aws', ['Cluster policy', 'merged: allows', '072088201116']),
    arrow(465, 140, 465, 170),
    box(200, 170, 340, 60, 'paste', ['Paste into ClickHouse Cloud', 'cluster ARN + SASL_IAM / SASL_SCRAM']),
  ].join('\n')),
  'endpoint-service': svg('VPC endpoint service on a Network Load Balancer', [
    box(20, 60, 150, 80, 'aws', ['Network Load', 'Balancer', 'your service behind']),
    arrow(170, 100, 200, 100),
    box(200, 60, 170, 80, 'aws', ['Endpoint service', 'allows ClickPipes', '+ supported regions']),
    arrow(370, 100, 400, 100),
    box(400, 60, 140, 80, 'ch', ['Accept', 'the ClickPipes', 'connection (if asked)']),
    arrow(285, 140, 285, 170),
    box(120, 170, 330, 60, 'paste', ['Paste into ClickHouse Cloud', 'com.amazonaws.vpce.<region>.vpce-svc-…']),
  ].join('\n')),
  'iam-db-auth': svg('IAM database authentication for RDS and Aurora', [
    box(20, 60, 160, 80, 'aws', ['RDS / Aurora', 'IAM DB auth', 'enabled']),
    arrow(180, 100, 210, 100),
    box(210, 60, 170, 80, 'aws', ['IAM role', 'trusts the ClickHouse', 'service role']),
    arrow(380, 100, 410, 100),
    box(410, 60, 130, 80, 'aws', ['Inline policy', 'rds-db:connect', 'as the DB user']),
    box(20, 170, 250, 60, 'vscode', ['SQL tab', 'CREATE USER … / GRANT rds_iam']),
    box(290, 170, 250, 60, 'paste', ['Paste into ClickHouse Cloud', 'the role ARN']),
  ].join('\n')),
  'clickhouse-sign-in': svg('Sign in to ClickHouse Cloud', [
    box(20, 70, 180, 80, 'ch', ['ClickHouse Cloud', 'Organization →', 'API keys (Admin)']),
    arrow(200, 110, 240, 110),
    box(240, 70, 140, 80, 'vscode', ['Key ID + secret', 'in secret storage,', 'never in logs']),
    arrow(380, 110, 410, 110),
    box(410, 70, 130, 80, 'vscode', ['ClickHouse', 'Cloud view', 'services']),
  ].join('\n')),
  'clickhouse-endpoint': svg('Create the reverse private endpoint', [
    box(20, 60, 170, 80, 'paste', ['AWS values', 'rcfg + share ARN', 'cluster ARN · service']),
    arrow(190, 100, 220, 100),
    box(220, 60, 150, 80, 'vscode', ['Review the plan', 'then Create in', 'ClickHouse Cloud']),
    arrow(370, 100, 400, 100),
    box(400, 60, 140, 80, 'ch', ['Reverse private', 'endpoint', 'Provisioning → Ready']),
    box(120, 170, 330, 60, 'ch', ['Pending acceptance?', 'accept it on the endpoint service']),
  ].join('\n')),
  'clickhouse-dns': svg('Copy the DNS name with the port', [
    box(20, 70, 170, 80, 'ch', ['Endpoint DNS name', 'returned without', 'a port']),
    arrow(190, 110, 220, 110),
    box(220, 70, 170, 80, 'vscode', ['Copy Connection', 'Address: name + port', '5432 · 3306 · 14001']),
    arrow(390, 110, 420, 110),
    box(420, 70, 120, 80, 'paste', ['ClickPipe', 'host field']),
  ].join('\n')),
};

const dir = join(import.meta.dirname, '..', 'media', 'walkthrough');
for (const [name, text] of Object.entries(diagrams)) writeFileSync(join(dir, `${name}.svg`), text);
console.log(`wrote ${Object.keys(diagrams).length} diagrams to ${dir}`);
