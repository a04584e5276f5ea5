// The search page's script. It replaces MkDocs' own search/main.js, which writes results into the page
// as HTML: an id or a title in the index could then run as a script. Here every result is built from
// DOM nodes with textContent, and only links inside this site are made.
(function () {
  'use strict';

  var results = document.getElementById('mkdocs-search-results');
  var input = document.getElementById('mkdocs-search-query');
  if (!results || !input || !window.Worker) { return; }
  var minLength = 3;

  function siteLink(location) {
    // Index locations are paths inside the site; anything with a scheme or a host is refused.
    if (typeof location !== 'string' || /^\s*([a-z][a-z0-9+.-]*:|\/\/|\\)/i.test(location)) { return null; }
    var base = typeof base_url === 'string' ? base_url : '.';
    return location.charAt(0) === '/' ? location : base.replace(/\/$/, '') + '/' + location;
  }

  function show(found) {
    results.textContent = '';
    var count = document.createElement('p');
    count.className = 'govuk-body';
    if (!found.length) {
      count.textContent = results.getAttribute('data-no-results-text') || 'No pages match your search.';
      results.appendChild(count);
      return;
    }
    count.textContent = found.length + (found.length === 1 ? ' result' : ' results') + ' for \u201c' + input.value + '\u201d.';
    results.appendChild(count);
    found.forEach(function (result) {
      var href = siteLink(result.location);
      if (href === null) { return; }
      var article = document.createElement('article');
      var heading = document.createElement('h2');
      heading.className = 'govuk-heading-s';
      var link = document.createElement('a');
      link.className = 'govuk-link';
      link.href = href;
      link.textContent = String(result.title || 'Untitled page');
      heading.appendChild(link);
      var summary = document.createElement('p');
      summary.className = 'govuk-body';
      summary.textContent = String(result.summary || '');
      article.appendChild(heading);
      article.appendChild(summary);
      results.appendChild(article);
    });
  }

  var worker = new Worker(siteLink('search/worker.js'));

  function search() {
    if (input.value.length >= minLength) {
      worker.postMessage({ query: input.value });
    } else {
      results.textContent = '';
    }
  }

  worker.onmessage = function (event) {
    var data = event.data || {};
    if (data.config && data.config.min_search_length) {
      minLength = data.config.min_search_length;
    } else if (data.allowSearch) {
      input.addEventListener('input', search);
      var term = new URLSearchParams(window.location.search).get('q');
      if (term) {
        input.value = term;
        search();
      }
    } else if (data.results) {
      show(data.results);
    }
  };
  worker.postMessage({ init: true });
})();
