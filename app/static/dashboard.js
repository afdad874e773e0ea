// Draws each `.chart[data-chart]` with uPlot: findings per week by placement for one rule.
(function () {
  "use strict";
  var colours = { block: "#cf222e", comment: "#bf8700", annotate: "#0969da", shadow: "#8c959f", off: "#d0d7de" };
  document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
    var data = JSON.parse(el.getAttribute("data-chart"));
    var names = Object.keys(data.series);
    var series = [{}].concat(names.map(function (name) {
      return { label: name, stroke: colours[name] || "#000", width: 2, points: { show: true } };
    }));
    var values = [data.weeks].concat(names.map(function (name) { return data.series[name]; }));
    var opts = {
      title: data.rule + ": findings per week by placement",
      width: Math.min(el.clientWidth || 800, 900),
      height: 240,
      series: series,
      scales: { x: { time: true } },
      axes: [{}, { label: "findings" }]
    };
    new uPlot(opts, values, el);
  });
})();
