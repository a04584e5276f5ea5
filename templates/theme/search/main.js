// The search page's script. It searches the Pagefind index that the build writes into pagefind/, through
// Pagefind's JavaScript API (not its ready-made interface), and shows the results as GOV.UK Frontend markup.
//
// Safety: every title, kind and address is set with textContent or as a property, never parsed as HTML.
// Pagefind's excerpts are HTML (the page's text, escaped, with the matched words in <mark>); they are parsed
// in an inert document and only their text and <mark> elements are copied. Only links inside this site are made.
(function () {
  'use strict';

  var form = document.getElementById('app-search');
  var input = document.getElementById('app-search-query');
  var status = document.getElementById('app-search-status');
  var results = document.getElementById('app-search-results');
  var browse = document.getElementById('app-search-browse');
  if (!form || !input || !status || !results || !window.fetch || !window.URLSearchParams) { return; }

  var PAGE_SIZE = 10; // results whose text is fetched and shown at a time
  var SECTIONS_SHOWN = 3; // matching sections shown under a page
  var base = (form.getAttribute('data-base-url') || '.').replace(/\/+$/, '') || '.';
  var pageTitle = document.title;
  var pagefind = null; // the promise of Pagefind's module, loaded on the first search
  var latest = 0; // the number of the newest search: an older one that finishes late shows nothing

  function loadPagefind() {
    if (!pagefind) {
      // import() resolves a relative address against this script's, not the page's: make it whole.
      var address = new URL(base + '/pagefind/pagefind.js', document.baseURI).href;
      pagefind = import(address).then(function (module) {
        // Result addresses from the site's root ("/actions/HE-01/"); siteLink makes them relative.
        return module.options({ baseUrl: '/', excerptLength: 30 }).then(function () { return module; });
      });
      pagefind.catch(function () { pagefind = null; }); // try again on the next search
    }
    return pagefind;
  }

  function siteLink(address) {
    // Pagefind's addresses are paths from the site's root; anything else (a scheme, a host) is refused.
    if (typeof address !== 'string' || !/^\/(?![\/\\])/.test(address) || /[\\\s]/.test(address)) { return null; }
    return base + address; // relative to this page, so the site works from any folder of a web server
  }

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) { made.className = className; }
    if (text !== undefined) { made.textContent = text; }
    return made;
  }

  function excerpt(html, className) {
    // The excerpt's text, with its <mark> elements kept and anything else reduced to its text.
    var paragraph = element('p', className);
    var parsed = new DOMParser().parseFromString('<!DOCTYPE html><body>' + String(html || ''), 'text/html');
    (function copy(node) {
      Array.prototype.forEach.call(node.childNodes, function (child) {
        if (child.nodeType === 3) {
          paragraph.appendChild(document.createTextNode(child.nodeValue));
        } else if (child.nodeType === 1 && child.nodeName === 'MARK') {
          paragraph.appendChild(element('mark', '', child.textContent));
        } else if (child.nodeType === 1) {
          copy(child);
        }
      });
    })(parsed.body);
    return paragraph;
  }

  function sections(data) {
    // The sections (by heading) of the page that match best, in the order they come on the page.
    var pageUrl = data.url;
    var found = (data.sub_results || []).filter(function (section) {
      return section && section.anchor && section.anchor.element !== 'h1' && section.url !== pageUrl && siteLink(section.url) !== null;
    });
    function score(section) {
      return (section.weighted_locations || []).reduce(function (sum, place) { return sum + (place.balanced_score || 0); }, 0);
    }
    found = found.sort(function (a, b) { return score(b) - score(a); }).slice(0, SECTIONS_SHOWN);
    found.sort(function (a, b) { return a.anchor.location - b.anchor.location; });
    if (!found.length) { return null; }
    var list = element('ul', 'govuk-list app-search-result__sections');
    list.setAttribute('aria-label', 'Matching sections of ' + (data.meta && data.meta.title ? data.meta.title : 'this page'));
    found.forEach(function (section) {
      var item = element('li', 'app-search-result__section');
      var link = element('a', 'govuk-link', String(section.title || 'Section'));
      link.href = siteLink(section.url);
      item.appendChild(link);
      if (section.excerpt !== data.excerpt) { // the page's own excerpt may already be this section's
        item.appendChild(excerpt(section.excerpt, 'govuk-body-s app-search-result__excerpt'));
      }
      list.appendChild(item);
    });
    return list;
  }

  function resultItem(data) {
    var href = siteLink(data && data.url);
    if (href === null) { return null; }
    var meta = data.meta || {};
    var item = element('li', 'app-search-result');
    var heading = element('h2', 'govuk-heading-s app-search-result__title');
    var link = element('a', 'govuk-link', String(meta.title || data.url));
    link.href = href;
    heading.appendChild(link);
    item.appendChild(heading);
    if (typeof meta.kind === 'string' && meta.kind.trim()) {
      var kind = element('p', 'govuk-body-s app-search-result__kind');
      kind.appendChild(element('span', 'govuk-visually-hidden', 'Kind of page: '));
      kind.appendChild(document.createTextNode(meta.kind.trim()));
      item.appendChild(kind);
    }
    item.appendChild(excerpt(data.excerpt, 'govuk-body app-search-result__excerpt'));
    var matching = sections(data);
    if (matching) { item.appendChild(matching); }
    return item;
  }

  function showBrowseLinks() {
    if (browse && browse.content) { results.appendChild(document.importNode(browse.content, true)); }
  }

  function say(text) {
    status.textContent = text;
  }

  function quoted(term) {
    return '\u201c' + term + '\u201d';
  }

  function showMore(found, list, shown, search) {
    // Fetch the text of the next PAGE_SIZE results only, then show them; the button stays while more remain.
    var next = found.slice(shown, shown + PAGE_SIZE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (search !== latest) { return null; }
      var first = null;
      pages.forEach(function (data) {
        var item = resultItem(data);
        if (item) {
          list.appendChild(item);
          first = first || item;
        }
      });
      var old = results.querySelector('.app-search-more');
      if (old) { old.parentNode.removeChild(old); }
      if (shown + next.length < found.length) {
        var more = element('button', 'govuk-button govuk-button--secondary app-search-more', 'Show more results');
        more.type = 'button';
        more.addEventListener('click', function () {
          more.disabled = true;
          showMore(found, list, shown + next.length, search).then(function (added) {
            // Keyboard users carry on from the first result just added (the button has gone or moved).
            if (added) { added.querySelector('a').focus(); }
          }, function () {
            more.disabled = false;
            say('More results could not be loaded. Try again.');
          });
        });
        results.appendChild(more);
      }
      return first;
    });
  }

  function run(term) {
    var search = ++latest;
    term = term.trim();
    document.title = term ? term + ' \u2013 ' + pageTitle : pageTitle;
    results.textContent = '';
    say(''); // emptied, so that the next count is announced even when it is the same
    if (!term) { return Promise.resolve(); }
    return loadPagefind().then(function (module) {
      return module.search(term);
    }).then(function (response) {
      if (search !== latest) { return null; }
      var found = (response && response.results) || [];
      if (!found.length) {
        say('No pages match ' + quoted(term) + '. Check the spelling, or try fewer or different words.');
        showBrowseLinks();
        return null;
      }
      var list = element('ol', 'govuk-list app-search-results__list');
      list.setAttribute('aria-labelledby', 'app-search-status');
      results.appendChild(list);
      return showMore(found, list, 0, search).then(function () {
        // Said once the first results are on the page, so that a screen reader user can go straight to them.
        if (search === latest) { say(found.length + (found.length === 1 ? ' page matches ' : ' pages match ') + quoted(term) + '.'); }
      });
    }).catch(function () {
      if (search !== latest) { return; }
      results.textContent = '';
      say('Search is not working at the moment. Try again later.');
      showBrowseLinks();
    });
  }

  function termInAddress() {
    return new URLSearchParams(window.location.search).get('q') || '';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var term = input.value;
    if (term !== termInAddress()) {
      // A new entry in the history, as the form would make without JavaScript: Back returns to the last search.
      var address = new URL(window.location.href);
      address.searchParams.set('q', term);
      window.history.pushState(null, '', address.href);
    }
    run(term).then(function () {
      if (!term.trim()) { say('Enter a word to search for.'); }
    });
  });

  window.addEventListener('popstate', function () {
    input.value = termInAddress();
    run(input.value);
  });

  input.value = termInAddress();
  if (input.value) { run(input.value); }
})();
