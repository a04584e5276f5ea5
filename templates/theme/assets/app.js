// Progressive enhancement for action tables: filters and sortable columns.
// Without JavaScript every row shows, so nothing here is needed to read the site.
(function () {
  'use strict';

  function text(cell) { return cell.textContent.replace(/\s+/g, ' ').trim(); }

  // Dates carry <time datetime="YYYY-MM-DD">, so they sort and filter by date, not by their words.
  function sortValue(cell) {
    var time = cell.querySelector('time');
    return time ? time.getAttribute('datetime') : text(cell);
  }

  function financialYear(iso) {
    var year = Number(iso.slice(0, 4));
    var start = Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
    return start + '/' + String((start + 1) % 100).padStart(2, '0');
  }

  function filterValue(cell) {
    var time = cell.querySelector('time');
    return time ? financialYear(time.getAttribute('datetime')) : text(cell);
  }

  var tables = 0;

  function enhance(wrapper) {
    var table = wrapper.querySelector('table');
    if (!table || !table.tHead || !table.tBodies.length) { return; }
    tables += 1;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filters = [];
    var controls = document.createElement('div');
    controls.className = 'app-filters';

    headers.forEach(function (th, index) {
      if (index === 0) { return; } // the action itself: every row differs
      var dates = rows.some(function (row) { return row.cells[index].querySelector('time'); });
      var values = [];
      rows.forEach(function (row) {
        var value = filterValue(row.cells[index]);
        if (values.indexOf(value) < 0) { values.push(value); }
      });
      if (values.length < 2) { return; }
      values.sort(function (a, b) { return a.localeCompare(b, 'en', { numeric: true }); });
      var id = 'filter-' + tables + '-' + index;
      var group = document.createElement('div');
      group.className = 'govuk-form-group';
      var label = document.createElement('label');
      label.className = 'govuk-label';
      label.htmlFor = id;
      label.textContent = dates ? text(th) + ' in financial year' : text(th);
      var select = document.createElement('select');
      select.className = 'govuk-select';
      select.id = id;
      select.appendChild(new Option('All', ''));
      values.forEach(function (value) { select.appendChild(new Option(value, value)); });
      select.addEventListener('change', apply);
      group.appendChild(label);
      group.appendChild(select);
      controls.appendChild(group);
      filters.push({ index: index, select: select });
    });

    var count = document.createElement('p');
    count.className = 'govuk-body app-filter-count';
    count.setAttribute('role', 'status');
    if (filters.length) {
      wrapper.insertBefore(controls, table);
      wrapper.insertBefore(count, table);
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var match = filters.every(function (filter) {
          return !filter.select.value || filterValue(row.cells[filter.index]) === filter.select.value;
        });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' action' + (rows.length === 1 ? '' : 's') + '.';
    }

    headers.forEach(function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'app-sort-button';
      button.textContent = text(th);
      th.textContent = '';
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        rows.slice().sort(function (a, b) {
          var order = sortValue(a.cells[index]).localeCompare(sortValue(b.cells[index]), 'en', { numeric: true });
          return ascending ? order : -order;
        }).forEach(function (row) { body.appendChild(row); });
      });
    });
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll('.app-filter-table'), enhance);
})();
