// Keeps the search and share preview (kumppanuus/panels.py) in step with the
// title, SEO title, search description and lead fields as the editor types.
(function () {
  function value(id) {
    var field = document.getElementById(id);
    return field ? field.value.trim() : "";
  }

  function update(panel) {
    var title = value("id_seo_title") || value("id_title");
    var description = value("id_search_description") || value("id_lead");
    panel.querySelectorAll("[data-preview-title]").forEach(function (node) {
      node.textContent = title;
    });
    panel.querySelectorAll("[data-preview-description]").forEach(function (node) {
      node.textContent = description;
    });
    [["title", title, panel.dataset.titleLimit], ["description", description, panel.dataset.descriptionLimit]].forEach(
      function (item) {
        var counter = panel.querySelector('[data-counter="' + item[0] + '"]');
        if (!counter) return;
        var over = item[1].length > Number(item[2]);
        counter.querySelector("[data-count]").textContent = item[1].length;
        counter.querySelector("[data-over]").hidden = !over;
        counter.classList.toggle("search-social-preview__counter--over", over);
      }
    );
  }

  function init() {
    document.querySelectorAll("[data-search-social-preview]").forEach(function (panel) {
      ["id_title", "id_seo_title", "id_search_description", "id_lead"].forEach(function (id) {
        var field = document.getElementById(id);
        if (field) field.addEventListener("input", function () { update(panel); });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
