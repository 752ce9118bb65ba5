import { findingsDataId } from './findings-section.js';

/**
 * The page's only script: sorts the findings table by the clicked column and hides the rows the filters exclude.
 * It reads the rows' data from the JSON block, never from the network, and does nothing when there is no table.
 */
export const pageScript = `
(() => {
  const dataElement = document.getElementById(${JSON.stringify(findingsDataId)});
  const table = document.querySelector('table.findings');
  const form = document.querySelector('form.filters');
  if (!dataElement || !table || !form) return;
  const rowsData = JSON.parse(dataElement.textContent);
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const severityRank = { error: 0, warning: 1, info: 2 };
  const statusRank = { counted: 0, suppressed: 1, baselined: 2 };
  const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const comparators = {
    location: (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
    severity: (a, b) => severityRank[a.severity] - severityRank[b.severity],
    rule: (a, b) => compareText(a.rule, b.rule),
    service: (a, b) => compareText(a.service, b.service),
    message: (a, b) => compareText(a.message, b.message),
    status: (a, b) => statusRank[a.status] - statusRank[b.status],
  };
  const dataOf = (row) => rowsData[Number(row.dataset.index)];
  const searchText = rowsData.map((item) =>
    [item.file + ':' + item.line + ':' + item.column, item.severity, item.rule, item.service, item.message, item.status]
      .join(' ')
      .toLowerCase(),
  );

  const headers = Array.from(table.tHead.rows[0].cells);
  for (const header of headers) {
    header.querySelector('button').addEventListener('click', () => {
      const direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of headers) other.setAttribute('aria-sort', 'none');
      header.setAttribute('aria-sort', direction);
      const compare = comparators[header.dataset.sort];
      const sign = direction === 'ascending' ? 1 : -1;
      const sorted = rows.slice().sort((a, b) => sign * compare(dataOf(a), dataOf(b)) || Number(a.dataset.index) - Number(b.dataset.index));
      const fragment = document.createDocumentFragment();
      for (const row of sorted) fragment.append(row);
      body.append(fragment);
    });
  }

  const output = form.querySelector('output');
  const checked = (name) =>
    new Set(Array.from(form.querySelectorAll('input[name="' + name + '"]:checked'), (input) => input.value));
  const applyFilters = () => {
    const severities = checked('severity');
    const statuses = checked('status');
    const text = form.elements.text.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const visible =
        severities.has(row.dataset.severity) &&
        statuses.has(row.dataset.status) &&
        (text === '' || searchText[Number(row.dataset.index)].includes(text));
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    output.textContent = shown + ' of ' + rows.length + ' shown';
  };
  form.addEventListener('input', applyFilters);
  form.addEventListener('change', applyFilters);
  form.addEventListener('submit', (event) => event.preventDefault());
  applyFilters();
})();
`;
