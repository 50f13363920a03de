// Draws each <canvas class="chart"> from its data-type (line, or bar for daily totals), data-labels and data-series
// (JSON), with Chart.js. No inline scripts.
(function () {
  const colours = ['#1f6f8b', '#b3261e', '#1e7d3a', '#8a5a00'];
  function draw() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas.chart[data-series]').forEach((canvas) => {
      const labels = JSON.parse(canvas.dataset.labels || '[]');
      const series = JSON.parse(canvas.dataset.series || '[]');
      const type = canvas.dataset.type === 'bar' ? 'bar' : 'line';
      new Chart(canvas, {
        type: type,
        data: {
          labels: labels,
          datasets: series.map((s, i) => ({
            label: s.label, data: s.data, borderColor: colours[i % colours.length],
            backgroundColor: colours[i % colours.length], pointRadius: labels.length > 60 ? 0 : 3, spanGaps: true
          }))
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          scales: { x: { ticks: { maxTicksLimit: 8 } }, y: { beginAtZero: type === 'bar' } }
        }
      });
      canvas.dataset.drawn = 'true';
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
