// The event's sessions in the editor (news/panels.py): "Kopioi tilaisuus" adds a
// session with the row's values filled in, and each row's heading summarises
// its place and time as the editor types ("Kuopio, 23.3.2020 klo 12.00–14.30").
(function () {
  if (window.kumppanuusSessions) return;
  window.kumppanuusSessions = true;

  var SKIP = ["id", "DELETE", "ORDER"];

  function fieldName(field) {
    var match = field.name && field.name.match(/^.+-\d+-(.+)$/);
    return match ? match[1] : null;
  }

  function fields(child) {
    return Array.prototype.filter.call(
      child.querySelectorAll("input, textarea, select"),
      function (field) {
        var name = fieldName(field);
        return name && SKIP.indexOf(name) === -1 && field.type !== "hidden";
      }
    );
  }

  function value(child, name) {
    var field = child.querySelector('[name$="-' + name + '"]');
    return field ? field.value.trim() : "";
  }

  // "10.3.2027 12.00" / "2027-03-10 12:00" → "10.3.2027 klo 12.00"
  function moment(text) {
    var iso = text.match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})/);
    if (iso) {
      return { date: Number(iso[3]) + "." + Number(iso[2]) + "." + iso[1], time: Number(iso[4]) + "." + iso[5] };
    }
    var fi = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(?:klo\s+)?(\d{1,2})[:.](\d{2})/);
    if (fi) {
      return { date: Number(fi[1]) + "." + Number(fi[2]) + "." + fi[3], time: Number(fi[4]) + "." + fi[5] };
    }
    return null;
  }

  function summary(child) {
    var parts = [];
    var title = value(child, "title");
    if (title) parts.push(title);
    var start = moment(value(child, "start"));
    var end = moment(value(child, "end"));
    if (start) {
      var text = start.date + " klo " + start.time;
      if (end && end.date === start.date && end.time !== start.time) text += "–" + end.time;
      else if (end && end.date !== start.date) text += " – " + end.date + " klo " + end.time;
      parts.push(text);
    }
    return parts.join(", ");
  }

  function updateSummary(child) {
    var node = child.querySelector("[data-session-summary]");
    if (!node) return;
    var text = summary(child);
    node.textContent = text ? ": " + text : "";
  }

  function copyValues(source, target) {
    var values = {};
    fields(source).forEach(function (field) {
      values[fieldName(field)] = field.type === "checkbox" ? field.checked : field.value;
    });
    fields(target).forEach(function (field) {
      var name = fieldName(field);
      if (!(name in values)) return;
      if (field.type === "checkbox") field.checked = values[name];
      else field.value = values[name];
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-session-duplicate]");
    if (!button) return;
    event.preventDefault();
    var source = button.closest("[data-inline-panel-child]");
    var container = source.parentElement;
    var prefix = container.id.replace(/^id_/, "").replace(/-FORMS$/, "");
    var add = document.getElementById("id_" + prefix + "-ADD");
    if (!add) return;
    add.click();
    var children = container.querySelectorAll(":scope > [data-inline-panel-child]");
    var added = children[children.length - 1];
    if (!added || added === source) return;
    copyValues(source, added);
    updateSummary(added);
    added.scrollIntoView({ block: "center" });
    var first = fields(added)[0];
    if (first) first.focus();
  });

  document.addEventListener("input", function (event) {
    var child = event.target.closest && event.target.closest("[data-inline-panel-child]");
    if (child && child.querySelector("[data-session-summary]")) updateSummary(child);
  });
  document.addEventListener("change", function (event) {
    var child = event.target.closest && event.target.closest("[data-inline-panel-child]");
    if (child && child.querySelector("[data-session-summary]")) updateSummary(child);
  });
})();
