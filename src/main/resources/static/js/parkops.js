// ParkOps page behaviour: CSRF header for htmx, ECharts charts fed by JSON endpoints, small form helpers.
(function () {
	'use strict';

	document.addEventListener('htmx:configRequest', function (event) {
		var token = document.querySelector('meta[name="_csrf"]');
		var header = document.querySelector('meta[name="_csrf_header"]');
		if (token && header) {
			event.detail.headers[header.content] = token.content;
		}
	});

	var palette = ['#1f5fa8', '#2f9bd7', '#36b37e', '#f5a623', '#e8684a', '#6c5dd3', '#13c2c2', '#a0d911', '#eb2f96', '#8c8c8c'];

	function render(el, data) {
		var chart = echarts.init(el, null, { renderer: 'canvas' });
		var series = data[el.dataset.key] || [];
		var unit = el.dataset.unit || '';
		var type = el.dataset.chart;
		var option;
		if (type === 'multi') {
			// {labels: [...], series: [{name, type: 'bar'|'line', values: [...]}]}
			var multi = data[el.dataset.key] || { labels: [], series: [] };
			option = {
				color: palette,
				tooltip: { trigger: 'axis' },
				legend: { bottom: 0 },
				grid: { left: 40, right: 20, top: 30, bottom: 40 },
				xAxis: { type: 'category', data: multi.labels },
				yAxis: { type: 'value', name: unit, minInterval: 1 },
				series: multi.series.map(function (s) {
					return { name: s.name, type: s.type || 'bar', data: s.values, barMaxWidth: 24,
						label: { show: s.type !== 'line', position: 'top' } };
				})
			};
			chart.setOption(option);
			window.addEventListener('resize', function () { chart.resize(); });
			return;
		}
		if (type === 'pie') {
			option = {
				color: palette,
				tooltip: { trigger: 'item', formatter: '{b}: {c}' + unit + ' ({d}%)' },
				legend: { bottom: 0, type: 'scroll' },
				series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'],
					data: series.map(function (d) { return { name: d.label, value: d.count }; }),
					label: { formatter: '{b}\n{c}' + unit } }]
			};
		} else {
			var horizontal = type === 'hbar';
			var names = series.map(function (d) { return d.label; });
			var values = series.map(function (d) { return d.count; });
			var category = { type: 'category', data: horizontal ? names.slice().reverse() : names, axisLabel: { interval: 0, width: 110, overflow: 'truncate' } };
			var value = { type: 'value', name: unit, minInterval: 1 };
			option = {
				color: palette,
				tooltip: { trigger: 'axis' },
				grid: { left: horizontal ? 130 : 40, right: 30, top: 30, bottom: 30 },
				xAxis: horizontal ? value : category,
				yAxis: horizontal ? category : value,
				series: [{ type: 'bar', data: horizontal ? values.slice().reverse() : values, barMaxWidth: 36,
					label: { show: true, position: horizontal ? 'right' : 'top' } }]
			};
		}
		chart.setOption(option);
		window.addEventListener('resize', function () { chart.resize(); });
	}

	function loadCharts(root) {
		var groups = {};
		root.querySelectorAll('[data-chart][data-src]').forEach(function (el) {
			(groups[el.dataset.src] = groups[el.dataset.src] || []).push(el);
		});
		Object.keys(groups).forEach(function (src) {
			fetch(src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
				.then(function (r) { return r.json(); })
				.then(function (data) { groups[src].forEach(function (el) { render(el, data); }); });
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (window.echarts) {
			loadCharts(document);
		}
		// auto-submitting selects (zone switcher, page size)
		document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
			select.addEventListener('change', function () { select.form.submit(); });
		});
		// confirm before destructive buttons
		document.querySelectorAll('[data-confirm]').forEach(function (el) {
			el.addEventListener('click', function (event) {
				if (!window.confirm(el.dataset.confirm)) {
					event.preventDefault();
				}
			});
		});
	});
})();
