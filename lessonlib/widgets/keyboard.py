"""Keep the keyboard with a widget's control after a click anywhere on it.

In JupyterLab 4 with ipywidgets 8, a click on a slider's track moves the value but leaves
keyboard focus with the notebook cell (only the knob takes focus), and a focused toggle
button does not use the arrow keys: either way the next ArrowRight runs JupyterLab's
notebook shortcut (move to the next heading), which scrolls the widget away.

ipywidgets has no option for either, so a few lines of browser code do it, for every
widget of the course at once. They act only inside elements with the class
:data:`ROOT_CLASS` (:class:`~lessonlib.widgets.live.LiveFigure` and the echo slider add it):

- a click anywhere on a slider gives focus to its knob, a click on a button to that button
  (the slider's number box keeps focus, so a typed value still works);
- while such a control has focus, the arrow, Home/End and PageUp/PageDown keys carry
  Lumino's ``data-lm-suppress-shortcuts`` mark, so JupyterLab ignores them and the control
  (noUiSlider's knob) handles them; every other key (Shift+Enter, Esc) still reaches
  JupyterLab;
- in a row of toggle buttons (``ToggleButtons``) the arrow keys choose the previous or
  next option, as in a radio group.

The code travels as a JavaScript output inside a hidden ``Output`` widget, which
JupyterLab runs when it draws the widget (outputs of a widget the kernel made are
trusted). It is installed once per page. Nothing of it is stored in the notebook's cell
outputs; where no kernel runs, there is no widget to steer.
"""

from __future__ import annotations

import ipywidgets as widgets

ROOT_CLASS = "lessonlib-live"

KEYBOARD_JS = r"""
(function () {
  if (window.__lessonlibKeyboard) { return; }
  window.__lessonlibKeyboard = true;
  var ROOT = ".lessonlib-live";
  var KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End",
              "PageUp", "PageDown"];
  var pending = null;
  // The element that should own the keyboard for a click or key on el, or null.
  function owner(el) {
    if (!el || !el.closest) { return null; }
    var root = el.closest(ROOT);
    if (!root || el.closest(".widget-readout")) { return null; }
    var slider = el.closest(".widget-slider");
    if (slider && root.contains(slider)) { return slider.querySelector(".noUi-handle"); }
    var button = el.closest("button");
    return button && root.contains(button) ? button : null;
  }
  window.addEventListener("pointerdown", function (e) { pending = owner(e.target); }, true);
  window.addEventListener("pointerup", function () {
    var el = pending;
    pending = null;
    // After the browser and JupyterLab have moved focus to the cell, take it back.
    if (el) { setTimeout(function () { el.focus({preventScroll: true}); }, 0); }
  }, true);
  window.addEventListener("keydown", function (e) {
    var el = e.target;
    if (KEYS.indexOf(e.key) < 0 || e.altKey || e.ctrlKey || e.metaKey || !owner(el)) { return; }
    // Lumino does not match shortcuts on an element with this mark: the key stays here.
    el.setAttribute("data-lm-suppress-shortcuts", "true");
    setTimeout(function () { el.removeAttribute("data-lm-suppress-shortcuts"); }, 0);
    var group = el.closest(".widget-toggle-buttons");
    if (!group) { return; }
    var buttons = Array.prototype.slice.call(
      group.querySelectorAll("button.widget-toggle-button:not([disabled])"));
    var i = buttons.indexOf(el);
    if (i < 0) { return; }
    var j = i;
    var last = buttons.length - 1;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") { j = Math.min(i + 1, last); }
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") { j = Math.max(i - 1, 0); }
    else if (e.key === "Home" || e.key === "PageUp") { j = 0; }
    else { j = last; }
    e.preventDefault();
    if (j !== i) { buttons[j].click(); buttons[j].focus({preventScroll: true}); }
  }, true);
})();
"""

_HELPER: widgets.Output | None = None


def keyboard_support() -> widgets.Output:
    """The hidden widget that installs the course's keyboard handling in the page.

    One widget is shared by every figure in a kernel; add it as a child of a box whose
    DOM classes include :data:`ROOT_CLASS`.

    Returns
    -------
    ipywidgets.Output
        Invisible; its only output is :data:`KEYBOARD_JS`.

    Examples
    --------
    >>> helper = keyboard_support()
    >>> helper is keyboard_support(), helper.layout.display
    (True, 'none')
    >>> "data-lm-suppress-shortcuts" in helper.outputs[0]["data"]["application/javascript"]
    True
    """
    global _HELPER
    if _HELPER is None or _HELPER.comm is None:  # none yet, or closed
        helper = widgets.Output(layout=widgets.Layout(display="none"))
        helper.outputs = ({"output_type": "display_data", "metadata": {},
                           "data": {"application/javascript": KEYBOARD_JS, "text/plain": ""}},)
        _HELPER = helper
    return _HELPER
