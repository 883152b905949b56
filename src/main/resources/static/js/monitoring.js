// Online monitoring: a point's factor charts, one line per factor from the page's JSON
// route ([time, value] pairs), with the permit limit and the warning level as marked
// lines; labels come from the element's data attributes in the reader's language.
(function () {
	'use strict';

	// a round top for the value axis (60 rather than 64.47), so that the limit line is
	// always inside the chart and the top tick is a round number
	function nice(x) {
		if (!(x > 0)) {
			return 1;
		}
		var p = Math.pow(10, Math.floor(Math.log(x) / Math.LN10));
		var steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 10];
		for (var i = 0; i < steps.length; i++) {
			if (x <= steps[i] * p + 1e-9) {
				return steps[i] * p;
			}
		}
		return 10 * p;
	}

	function draw(el, data) {
		var chart = echarts.getInstanceByDom(el) || echarts.init(el);
		var lines = [];
		if (data.limit !== null && data.limit !== undefined) {
			lines.push({ yAxis: Number(data.limit), name: el.dataset.limitLabel,
				lineStyle: { color: '#e8684a', type: 'solid', width: 2 },
				label: { formatter: el.dataset.limitLabel + ' {c}', position: 'insideEndTop', color: '#c0392b' } });
		}
		if (data.warning !== null && data.warning !== undefined) {
			lines.push({ yAxis: Number(data.warning), name: el.dataset.warningLabel,
				lineStyle: { color: '#f5a623', type: 'dashed', width: 1.5 },
				label: { formatter: el.dataset.warningLabel + ' {c}', position: 'insideEndTop', color: '#ad6800' } });
		}
		var values = data.values.map(function (v) { return [v[0].replace('T', ' '), v[1] === null ? null : Number(v[1])]; });
		var max = values.reduce(function (m, v) { return v[1] !== null && v[1] > m ? v[1] : m; }, 0);
		if (data.limit !== null && data.limit !== undefined) {
			max = Math.max(max, Number(data.limit));
		}
		chart.setOption({
			animation: false,
			color: ['#1f5fa8'],
			tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '-' : v + ' ' + data.unit; } },
			grid: { left: 56, right: 24, top: 36, bottom: 40 },
			xAxis: { type: 'time' },
			yAxis: { type: 'value', name: data.unit, max: function (v) { return nice(Math.max(v.max, max) * 1.08); } },
			dataZoom: values.length > 200 ? [{ type: 'inside' }] : [],
			title: values.length === 0 ? { text: el.dataset.empty, left: 'center', top: 'middle',
				textStyle: { color: '#8c8c8c', fontSize: 14, fontWeight: 'normal' } } : undefined,
			series: [{ type: 'line', name: data.name, data: values, showSymbol: values.length < 60, connectNulls: false,
				markLine: { symbol: 'none', silent: true, data: lines } }]
		});
		window.addEventListener('resize', function () { chart.resize(); });
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.echarts) {
			return;
		}
		document.querySelectorAll('[data-monitoring-chart]').forEach(function (el) {
			fetch(el.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
				.then(function (r) { return r.json(); })
				.then(function (data) { draw(el, data); });
		});
	});
})();
