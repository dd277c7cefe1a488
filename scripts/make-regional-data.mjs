// Writes decks/data/regional.xlsx and decks/data/regional.db, the inputs of decks/regional-stats.yaml:
// a workbook as a statistics office keeps one, and a small statistics database. Run again after
// editing the figures below; both files are committed.
// Figures: National Bureau of Statistics, Statistical Communiqué on the 2024 National Economic and
// Social Development (28 Feb 2025), and the provinces' 2024 communiqués.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'decks', 'data');

const workbook = new ExcelJS.Workbook();
// Fixed dates: the workbook's saved date is what its citation shows.
workbook.created = new Date(Date.UTC(2025, 1, 28));
workbook.modified = new Date(Date.UTC(2025, 1, 28));
const national = workbook.addWorksheet('National');
national.addRow(['Indicator', 'Value']);
national.addRow(['GDP (CNY trillion)', 134.9084]);
national.addRow(['GDP growth', 0.05]);
national.getCell('B3').numFmt = '0.0%';
national.getColumn(1).width = 28;
const quarterly = workbook.addWorksheet('Quarterly');
quarterly.addRow(['Quarter', 'GDP growth']);
for (const [q, g] of [
  ['2024 Q1', 0.053],
  ['2024 Q2', 0.047],
  ['2024 Q3', 0.046],
  ['2024 Q4', 0.054],
]) {
  const row = quarterly.addRow([q, g]);
  row.getCell(2).numFmt = '0.0%';
}
const structure = workbook.addWorksheet('Structure');
structure.addTable({
  name: 'IndustryShares',
  ref: 'A1',
  headerRow: true,
  columns: [{ name: 'Industry' }, { name: 'Share of GDP' }],
  rows: [
    ['Primary industry', 0.068],
    ['Secondary industry', 0.365],
    ['Tertiary industry', 0.567],
  ],
});
for (let r = 2; r <= 4; r++) structure.getCell(`B${r}`).numFmt = '0.0%';
workbook.definedNames.add("'National'!$B$2", 'GDP_total');
await workbook.xlsx.writeFile(join(out, 'regional.xlsx'));

rmSync(join(out, 'regional.db'), { force: true });
const db = new Database(join(out, 'regional.db'));
db.exec(`CREATE TABLE province_gdp (
  province TEXT NOT NULL,
  year INTEGER NOT NULL,
  gdp REAL NOT NULL,      -- CNY trillion
  growth REAL NOT NULL,   -- per cent, real terms
  PRIMARY KEY (province, year)
)`);
const insert = db.prepare('INSERT INTO province_gdp VALUES (?, ?, ?, ?)');
for (const row of [
  ['Guangdong', 2024, 14.16, 3.5],
  ['Jiangsu', 2024, 13.7, 5.8],
  ['Shandong', 2024, 9.86, 5.7],
  ['Zhejiang', 2024, 9.01, 5.5],
  ['Sichuan', 2024, 6.47, 5.7],
])
  insert.run(...row);
db.exec('VACUUM');
db.close();
console.log(`wrote ${join(out, 'regional.xlsx')} and ${join(out, 'regional.db')}`);
