// Filter bars. A filter lives in the route (#/timeline?actor=RUS&since=2015-01-01), so every
// filtered view is a link that can be shared or reloaded; changing a control navigates.

import { api, itemsOf } from "./data.js";
import { el, route } from "./dom.js";

let outletNames;

/** The outlet names of the corpus, for the outlet suggestions (fetched once). */
export async function outlets() {
  if (!outletNames) {
    outletNames = api("documents", { limit: 1000 })
      .then((answer) => [...new Set(itemsOf(answer).map((d) => d.outlet).filter(Boolean))].sort())
      .catch(() => []);
  }
  return outletNames;
}

function control(spec, value) {
  const common = { name: spec.name, id: `filter-${spec.name}`, "aria-label": spec.label };
  if (spec.type === "select") {
    const select = el("select", common);
    for (const [optionValue, label] of spec.options) {
      const option = el("option", { value: optionValue }, label);
      if (String(optionValue) === String(value ?? "")) option.selected = true;
      select.appendChild(option);
    }
    return select;
  }
  const input = el("input", {
    ...common,
    type: spec.type || "text",
    placeholder: spec.placeholder || "",
    list: spec.list || null,
    autocomplete: "off",
  });
  input.value = value ?? "";
  return input;
}

/**
 * A form of filters for a view. `specs`: [{name, label, type: text|date|select, options}].
 * On change it navigates to the same view with the new filters (empty ones dropped).
 */
export function filterBar(view, specs, params, extra) {
  const form = el("form", { class: "filters", role: "search", "data-view": view });
  for (const spec of specs) {
    form.appendChild(
      el("label", { class: "field" }, el("span", null, spec.label), control(spec, params[spec.name])),
    );
  }
  const apply = () => {
    const next = { ...(extra || {}) };
    for (const spec of specs) {
      const value = form.elements[spec.name].value.trim();
      if (value) next[spec.name] = value;
    }
    location.hash = route(view, next);
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  const active = specs.some((spec) => params[spec.name]);
  form.appendChild(
    el(
      "div",
      { class: "field buttons" },
      el("button", { type: "submit" }, "Apply"),
      active ? el("a", { class: "button secondary", href: route(view, extra) }, "Clear") : null,
    ),
  );
  return form;
}

/** A <datalist> of the corpus's outlets for an outlet text box. */
export function outletList(id) {
  const list = el("datalist", { id });
  outlets().then((names) => {
    for (const name of names) list.appendChild(el("option", { value: name }));
  });
  return list;
}
