// Charts of the economy pages: this-year-vs-last-year trend lines and growth by group.
// Red means up and green means down, as on Chinese dashboards; values carry their sign.
(function () {
	'use strict';

	var palette = ['#1f5fa8', '#9aa8b8', '#d4380d', '#389e0d'];

	function trend(el, data) {
		var chart = echarts.init(el);
		chart.setOption({
			color: palette,
			tooltip: { trigger: 'axis' },
			legend: { bottom: 0 },
			grid: { left: 60, right: 50, top: 36, bottom: 40 },
			toolbox: { right: 10, feature: { dataView: { readOnly: true }, saveAsImage: {} } },
			xAxis: { type: 'category', data: data.months },
			yAxis: [{ type: 'value', name: data.unit }, { type: 'value', name: '%', splitLine: { show: false } }],
			series: [
				{ name: data.thisYear, type: 'line', data: data.values, smooth: true, symbolSize: 6 },
				{ name: data.lastYear, type: 'line', data: data.priorValues, smooth: true, lineStyle: { type: 'dashed' } },
				{ name: data.growth, type: 'bar', yAxisIndex: 1, data: data.growthPct, barMaxWidth: 14,
					itemStyle: { color: function (p) { return p.value >= 0 ? '#d4380d' : '#389e0d'; } },
					label: { show: false } }
			]
		});
		window.addEventListener('resize', function () { chart.resize(); });
	}

	function groups(el, data) {
		var chart = echarts.init(el);
		var rows = data.groups.slice().reverse();
		chart.setOption({
			tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
			legend: { bottom: 0 },
			grid: { left: 150, right: 40, top: 20, bottom: 40 },
			toolbox: { right: 10, feature: { dataView: { readOnly: true }, saveAsImage: {} } },
			xAxis: { type: 'value', name: '%' },
			yAxis: { type: 'category', data: rows.map(function (g) { return g.name; }),
				axisLabel: { width: 140, overflow: 'truncate' } },
			series: [
				{ name: data.growth, type: 'bar', data: rows.map(function (g) { return g.growthPct; }), barMaxWidth: 14,
					itemStyle: { color: function (p) { return p.value >= 0 ? '#d4380d' : '#389e0d'; } },
					label: { show: true, position: 'right', formatter: function (p) {
						return p.value == null ? '-' : (p.value > 0 ? '+' : '') + p.value + '%'; } } },
				{ name: data.pull, type: 'bar', data: rows.map(function (g) { return g.pullPoints; }), barMaxWidth: 14,
					itemStyle: { color: '#1f5fa8' } }
			]
		});
		window.addEventListener('resize', function () { chart.resize(); });
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.echarts) {
			return;
		}
		var sources = {};
		document.querySelectorAll('[data-economy-chart][data-src]').forEach(function (el) {
			(sources[el.dataset.src] = sources[el.dataset.src] || []).push(el);
		});
		Object.keys(sources).forEach(function (src) {
			fetch(src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
				.then(function (r) { return r.json(); })
				.then(function (data) {
					sources[src].forEach(function (el) {
						(el.dataset.economyChart === 'trend' ? trend : groups)(el, data);
					});
				});
		});
	});
})();
