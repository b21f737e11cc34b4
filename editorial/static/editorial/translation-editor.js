/*
 * One-click translating in wagtail-localize's translation editor, without patching its bundle.
 *
 * wagtail-localize's React editor makes a translator click "Käännä", type and click
 * "Tallenna" for every string, and shows rich text as raw markup (<a id="a1">…</a>).
 * This script works on the DOM the editor renders (and re-renders):
 *
 * - a click anywhere on a string opens it for translating (its own button is clicked);
 * - Enter saves (the editor's own behaviour) and opens the next untranslated string;
 * - source texts and saved translations with inline markup are shown formatted
 *   (links underlined, bold in bold) instead of as tags;
 * - an empty translation of a text with links starts as a copy of the source, so the
 *   link markers (<a id="a1">…</a>) are kept while the words are replaced.
 *
 * The editor's string items are <li class="complete|incomplete|errored"> holding the
 * source <p>, a value <div> (<p> or <textarea>) and a toolbar <ul> of buttons.
 */
function initTranslationEditor() {
    "use strict";

    const root = document.querySelector(".js-translation-editor");
    if (!root) {
        return;
    }
    const INLINE_TAGS = new Set(["a", "abbr", "acronym", "b", "code", "em", "i", "strong", "br"]);
    const MARKUP = /<\/?[a-z][^>]*>/i;
    const SEGMENT = "li.complete, li.incomplete, li.errored";
    const footer = document.querySelector(".translation-footer");
    const linkLabel = (footer && footer.dataset.linkLabel) || "";
    let advanceFrom = null;

    function editButton(item) {
        if (item.querySelector("textarea")) {
            return null;
        }
        const buttons = item.querySelectorAll(":scope > ul button");
        return buttons.length ? buttons[buttons.length - 1] : null;
    }

    function isVisible(element) {
        return element.offsetParent !== null;
    }

    // Formatted copy of a string's inline HTML: text stays text, no attribute is copied.
    function formatted(html) {
        const parsed = new DOMParser().parseFromString(html, "text/html").body;
        const fragment = document.createDocumentFragment();
        function copy(source, target) {
            source.childNodes.forEach(function (node) {
                if (node.nodeType === Node.TEXT_NODE) {
                    target.appendChild(document.createTextNode(node.textContent));
                } else if (node.nodeType === Node.ELEMENT_NODE) {
                    const tag = node.tagName.toLowerCase();
                    if (!INLINE_TAGS.has(tag)) {
                        target.appendChild(document.createTextNode(node.textContent));
                        return;
                    }
                    const element = document.createElement(tag === "a" ? "span" : tag);
                    if (tag === "a") {
                        element.className = "translation-link";
                        element.title = linkLabel;
                    }
                    copy(node, element);
                    target.appendChild(element);
                }
            });
        }
        copy(parsed, fragment);
        return fragment;
    }

    // React sets these paragraphs' textContent; whenever it does, format them again.
    function formatParagraph(paragraph) {
        if (paragraph.dataset.shownText === paragraph.textContent) {
            return;
        }
        const raw = paragraph.textContent;
        if (!MARKUP.test(raw)) {
            return;
        }
        paragraph.dataset.raw = raw;
        paragraph.replaceChildren(formatted(raw));
        paragraph.dataset.shownText = paragraph.textContent;
    }

    function sourceText(item) {
        const source = item.querySelector(":scope > p");
        if (!source) {
            return "";
        }
        return source.dataset.shownText === source.textContent && source.dataset.raw
            ? source.dataset.raw
            : source.textContent;
    }

    // A new, empty text box for a string with links starts as the source's markup.
    function prefill(textarea) {
        if (textarea.dataset.prefilled || textarea.value) {
            return;
        }
        textarea.dataset.prefilled = "1";
        const source = sourceText(textarea.closest("li"));
        if (!/<a\b/i.test(source)) {
            return;
        }
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
        setter.call(textarea, source);
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
        textarea.setSelectionRange(0, 0);
    }

    function openNextUntranslated() {
        const from = advanceFrom;
        advanceFrom = null;
        if (!from) {
            return;
        }
        const next = Array.from(root.querySelectorAll("li.incomplete")).find(function (item) {
            return (
                isVisible(item) &&
                item !== from &&
                from.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING
            );
        });
        const button = next && editButton(next);
        if (button) {
            button.click();
        }
    }

    function refresh() {
        root.querySelectorAll(SEGMENT).forEach(function (item) {
            item.querySelectorAll(":scope > p, :scope > div > p").forEach(formatParagraph);
            const textarea = item.querySelector("textarea");
            if (textarea) {
                prefill(textarea);
            }
        });
        if (advanceFrom && !advanceFrom.querySelector("textarea")) {
            openNextUntranslated();
        }
    }

    root.addEventListener("click", function (event) {
        if (event.target.closest("button, a, textarea, input, select")) {
            return;
        }
        const item = event.target.closest(SEGMENT);
        const button = item && editButton(item);
        if (button) {
            button.click();
        }
    });

    root.addEventListener(
        "keydown",
        function (event) {
            if (event.key === "Enter" && !event.shiftKey && event.target.tagName === "TEXTAREA") {
                advanceFrom = event.target.closest("li");
            }
        },
        true,
    );

    new MutationObserver(refresh).observe(root, { childList: true, subtree: true, characterData: true });
    refresh();
}

// Wagtail's admin loads page scripts in <head>: wait for the editor's element.
if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initTranslationEditor);
} else {
    initTranslationEditor();
}
