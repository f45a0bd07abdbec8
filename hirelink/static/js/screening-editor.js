// Rule editor: a nested AND/OR tree of conditions, serialised to JSON into #rule-definition on submit.
// The condition types, operators and parameter fields come from the server's handler registry (#rule-schema).
const schema = JSON.parse(document.getElementById("rule-schema").textContent);
const initial = JSON.parse(document.getElementById("rule-initial").textContent);
const T = schema.text;
const types = Object.fromEntries(schema.types.map((t) => [t.type, t]));

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function select(options, value) {
  const s = el("select");
  for (const [v, label] of options) s.append(el("option", { value: String(v) }, label));
  if (value !== undefined && value !== null) s.value = String(value);
  return s;
}

function paramInput(field, value) {
  if (field.kind === "select") {
    const opts = field.choices.map(([v, l]) => [v, l]);
    return select(opts, value);
  }
  if (field.kind === "bool") {
    const box = el("input", { type: "checkbox" });
    box.checked = Boolean(value);
    return box;
  }
  if (field.kind === "number" || field.kind === "year") {
    const input = el("input", { type: "number", step: field.kind === "year" ? "1" : "0.5", min: "0" });
    if (value !== undefined && value !== null) input.value = value;
    return input;
  }
  const input = el("input", { type: "text" });
  input.value = Array.isArray(value) ? value.join(", ") : value || "";
  return input;
}

function readParam(field, input) {
  if (field.kind === "bool") return input.checked;
  if (field.kind === "list") return input.value.split(/[,，、\n]/).map((s) => s.trim()).filter(Boolean);
  if (field.kind === "number") return input.value === "" ? null : Number(input.value);
  if (field.kind === "year") return input.value === "" ? null : parseInt(input.value, 10);
  if (field.name === "level" && /^\d+$/.test(input.value)) return parseInt(input.value, 10);
  return input.value;
}

function languageLevelValue(params) {
  return params.language && params.level ? `${params.language}:${params.level}` : undefined;
}

function conditionNode(data) {
  const box = el("div", { class: "rule-cond" });
  box.dataset.kind = "condition";
  const typeSelect = select(schema.types.map((t) => [t.type, t.label]), data.type);
  const holder = el("span", { class: "params" });
  const render = (params, operator, required) => {
    holder.replaceChildren();
    const spec = types[typeSelect.value];
    const op = select(spec.operators, operator);
    op.dataset.role = "operator";
    holder.append(el("label", {}, "", op));
    for (const field of spec.fields) {
      let value = params[field.name];
      if (spec.type === "language" && field.name === "level") value = languageLevelValue(params);
      const input = paramInput(field, value);
      input.dataset.param = field.name;
      const label = el("label", { class: field.kind === "bool" ? "inline" : "" }, field.label, input);
      if (field.kind === "bool") label.prepend(input);
      holder.append(label);
    }
    // A language's level list shows only that language's levels ("en:CET-6", "ja:JLPT N2", ...).
    const language = holder.querySelector('[data-param="language"]');
    const level = holder.querySelector('[data-param="level"]');
    if (spec.type === "language" && language && level) {
      const filter = () => {
        let firstVisible = null;
        for (const option of level.options) {
          option.hidden = !option.value.startsWith(`${language.value}:`);
          if (!option.hidden && firstVisible === null) firstVisible = option;
        }
        if (level.selectedOptions[0]?.hidden && firstVisible) level.value = firstVisible.value;
      };
      language.addEventListener("change", filter);
      filter();
    }
    const req = select([["1", T.required], ["0", T.preferred]], required === false ? "0" : "1");
    req.dataset.role = "required";
    holder.append(el("label", { class: "req" }, "", req));
  };
  typeSelect.addEventListener("change", () => render({}, undefined, true));
  render(data.params || {}, data.operator, data.required);
  box.append(typeSelect, holder, el("button", { type: "button", class: "btn remove", onclick: () => box.remove() }, T.remove));
  box.serialize = () => {
    const spec = types[typeSelect.value];
    const params = {};
    for (const field of spec.fields) {
      params[field.name] = readParam(field, holder.querySelector(`[data-param="${field.name}"]`));
    }
    return {
      type: spec.type,
      operator: holder.querySelector('[data-role="operator"]').value,
      params,
      required: holder.querySelector('[data-role="required"]').value === "1",
    };
  };
  return box;
}

function groupNode(data, isRoot) {
  const box = el("div", { class: `rule-group ${data.logic || "and"}` });
  const logic = select([["and", T.and], ["or", T.or]], data.logic || "and");
  logic.addEventListener("change", () => { box.className = `rule-group ${logic.value}`; });
  const body = el("div", { class: "gbody" });
  const head = el("div", { class: "ghead" }, logic,
    el("button", { type: "button", class: "btn", onclick: () => body.append(conditionNode({ type: schema.types[0].type, params: {}, required: true })) }, T.add_condition),
    el("button", { type: "button", class: "btn", onclick: () => body.append(groupNode({ logic: "or", children: [] }, false)) }, T.add_group));
  if (!isRoot) head.append(el("button", { type: "button", class: "btn remove", onclick: () => box.remove() }, T.remove));
  for (const child of data.children || []) {
    body.append("logic" in child ? groupNode(child, false) : conditionNode(child));
  }
  box.append(head, body);
  box.serialize = () => ({
    logic: logic.value,
    children: [...body.children].map((c) => c.serialize()),
  });
  return box;
}

const mount = document.getElementById("rule-editor");
const root = groupNode(initial && initial.logic ? initial : { logic: "and", children: [] }, true);
mount.append(root);
const form = document.getElementById("rule-form");
if (form) {
  form.addEventListener("submit", () => {
    document.getElementById("rule-definition").value = JSON.stringify(root.serialize());
  });
}
