// Statistics dashboard: draws the daily charts from the data the page carries (the table next to them has the same
// figures, for readers without JavaScript or a screen). Fonts come from the page, so Chinese labels render.
(function () {
  'use strict';
  var COLORS = { VIEW: '#509fc9', RECEIVE: '#63b359', VERIFY: '#e4b138', GIVEN: '#9062c0', EXPIRE: '#cc463d' };

  function draw(canvasId, labels, series) {
    var canvas = document.getElementById(canvasId);
    if (!canvas) {
      return;
    }
    var chart = new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: series.datasets.map(function (s) {
          return {
            label: s.label, data: s.data, borderColor: COLORS[s.key], backgroundColor: COLORS[s.key],
            tension: 0.2, pointRadius: labels.length > 60 ? 0 : 2
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
    return chart;
  }

  function start() {
    var holder = document.getElementById('stats-charts');
    if (!holder || !window.Chart) {
      return;
    }
    var data = JSON.parse(holder.getAttribute('data-chart'));
    window.Chart.defaults.font.family = window.getComputedStyle(holder).fontFamily;
    draw('stats-chart-times', data.labels, data.times);
    draw('stats-chart-people', data.labels, data.people);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
