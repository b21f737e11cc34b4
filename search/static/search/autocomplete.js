// Title suggestions for search boxes: fills the form's <datalist> from the
// autocomplete endpoint (JSON) as the visitor types. Without JavaScript the
// search works the same, just without suggestions.
(function () {
  "use strict";
  function attach(form) {
    var input = form.querySelector('input[name="q"]');
    var list = form.querySelector("datalist");
    var url = form.getAttribute("data-autocomplete-url");
    if (!input || !list || !url) return;
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) return;
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(value), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren();
            (data.results || []).forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autocomplete-url]").forEach(attach);
  });
})();
