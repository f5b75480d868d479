// Kernel-free figures: a slider per control over pictures precomputed at build time
// (site/kernel_free.py writes the markup and the frames). No kernel, no network: every
// picture is a file of this site.
(function () {
  "use strict";

  function setUp(figure) {
    var data = JSON.parse(figure.querySelector("script.kf-data").textContent);
    var inputs = Array.prototype.slice.call(figure.querySelectorAll("input[type=range]"));
    var picture = figure.querySelector("img.kf-picture");
    var full = figure.querySelector("a.kf-full");
    var readout = figure.querySelector(".kf-readout");
    var play = figure.querySelector("button.kf-play");
    var timer = null;

    function flatIndex() {
      var flat = 0;
      inputs.forEach(function (input, k) {
        flat = flat * data.shape[k] + Number(input.value);
      });
      return flat;
    }

    function show() {
      var frame = data.frames[flatIndex()];
      inputs.forEach(function (input, k) {
        var label = data.labels[k][Number(input.value)];
        input.setAttribute("aria-valuetext", label);
        var out = figure.querySelector('output[for="' + input.id + '"]');
        if (out) { out.textContent = label; }
      });
      picture.src = frame.src;
      if (full) { full.href = frame.src; }
      picture.alt = frame.alt;
      readout.innerHTML = frame.readout;
    }

    function stop() {
      if (timer !== null) { clearInterval(timer); timer = null; }
      if (play) { play.setAttribute("aria-pressed", "false"); }
    }

    inputs.forEach(function (input) {
      input.addEventListener("input", function () { stop(); show(); });
    });
    if (play) {
      play.addEventListener("click", function () {
        if (timer !== null) { stop(); return; }
        var main = inputs[0];
        if (Number(main.value) >= Number(main.max)) { main.value = 0; show(); }
        play.setAttribute("aria-pressed", "true");
        timer = setInterval(function () {
          if (Number(main.value) >= Number(main.max)) { stop(); return; }
          main.value = Number(main.value) + 1;
          show();
        }, 350);
      });
    }
  }

  function setUpEcho(figure) {
    var input = figure.querySelector("input[type=range]");
    var out = figure.querySelector("output");
    var readout = figure.querySelector(".kf-readout");
    input.addEventListener("input", function () {
      out.textContent = input.value;
      readout.innerHTML = "This page received: <b>" + input.value + "</b>";
    });
  }

  function start() {
    document.querySelectorAll("[data-kernel-free]").forEach(setUp);
    document.querySelectorAll("[data-kernel-free-echo]").forEach(setUpEcho);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
