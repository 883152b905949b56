// Leadership cockpit: ECharts from /cockpit/data.json, one chart per element [data-tile-chart], drawn from the tiles
// the work lines send; on the wall display (data-refresh) the charts reload every minute and a clock runs in the
// zone's time zone. Red means up and green down, as on Chinese dashboards, always with the sign as well.
// Every label comes from the server, rounded once from the exact figure: this file formats no number.
// Horizontal bars keep their names beside the bars (grid.containLabel) and labels that would overlap are hidden.
(function () {
	'use strict';

	var UP = '#d4380d', DOWN = '#389e0d', BRAND = '#1f5fa8', GREY = '#8c8c8c', WARN = '#d48806';
	var charts = {};

	function num(v) { return v == null ? null : Number(v); }

	function base(dark) {
		return dark ? { backgroundColor: 'transparent', textStyle: { color: '#d6e4f5' } } : {};
	}

	function instance(el, key, dark) {
		if (!charts[key] || charts[key].getDom() !== el) {
			charts[key] = echarts.init(el, dark ? 'dark' : null, { renderer: 'canvas' });
			var c = charts[key];
			window.addEventListener('resize', function () { c.resize(); });
		}
		return charts[key];
	}

	// the label of a data item as the server wrote it
	function text(p) { return p.data && p.data.label ? p.data.label.formatter : ''; }

	function draw(el, t, chart, dark) {
		var c = instance(el, el.dataset.tileChart, dark);
		var h = chart.horizontal, line = chart.kind === 'line', percent = chart.unit === '%';
		var categories = chart.categories, series = chart.series;
		if (h) {
			// as many bars as the chart has room for, one label line each (the wall's panels are lower)
			var room = Math.max(4, Math.floor((c.getHeight() - 50) / (series.length > 1 ? 34 : 22)));
			if (categories.length > room) {
				categories = categories.slice(0, room);
				series = series.map(function (s) {
					return Object.assign({}, s, { values: s.values.slice(0, room), labels: s.labels.slice(0, room) });
				});
			}
		}
		var category = { type: 'category', data: categories, inverse: h, boundaryGap: !line,
			axisLabel: { width: h ? 150 : 90, overflow: h ? 'truncate' : 'break', interval: h ? 0 : 'auto' } };
		// counts get whole ticks
		var whole = series.every(function (s) { return s.values.every(function (v) { return v == null || Number(v) % 1 === 0; }); });
		var value = { type: 'value', name: percent ? null : chart.unit, minInterval: whole ? 1 : null,
			axisLabel: { formatter: percent ? '{value}%' : '{value}' } };
		var palette = line ? [BRAND, GREY] : [BRAND, WARN, UP, '#36b37e', GREY];
		c.setOption(Object.assign(base(dark), {
			color: palette,
			tooltip: line || !h ? { trigger: 'axis', formatter: function (ps) {
				return ps[0].name + ps.map(function (p) { return '<br>' + p.marker + p.seriesName + '：' + text(p); }).join('');
			} } : { trigger: 'item', formatter: function (p) { return p.name + ' · ' + p.seriesName + '：' + text(p); } },
			legend: series.length > 1 ? { data: series.map(function (s) { return s.name; }), bottom: 0 } : { show: false },
			grid: { left: 10, right: h ? 70 : 20, top: value.name ? 30 : 16, bottom: series.length > 1 ? 36 : 10, containLabel: true },
			xAxis: h ? value : category,
			yAxis: h ? category : value,
			series: series.map(function (s) {
				var kind = s.kind || chart.kind, isLine = kind === 'line';
				return { name: s.name, type: isLine ? 'line' : 'bar', smooth: isLine, barMaxWidth: series.length > 1 ? 16 : 22,
					lineStyle: s.dashed ? { type: 'dashed' } : undefined, connectNulls: false,
					data: s.values.map(function (v, i) {
						var item = { value: num(v), label: { formatter: s.labels[i] } };
						if (chart.signed && v != null) { item.itemStyle = { color: Number(v) >= 0 ? UP : DOWN }; }
						return item;
					}),
					// columns of several series over many months carry their figures in the tooltip only
					label: { show: !isLine && (h || series.length === 1 || categories.length <= 6), position: h ? 'right' : 'top',
						color: dark ? '#d6e4f5' : undefined },
					labelLayout: { hideOverlap: true } };
			})
		}), true);
	}

	function render(root, data) {
		var dark = root.dataset.theme === 'dark';
		(data.tiles || []).forEach(function (t) {
			(t.charts || []).forEach(function (chart) {
				var el = root.querySelector('[data-tile-chart="' + (chart.code || t.code) + '"]');
				if (el) { draw(el, t, chart, dark); }
			});
		});
	}

	function load(root) {
		fetch(root.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
			.then(function (r) { return r.json(); })
			.then(function (data) { render(root, data); });
	}

	function clock() {
		var el = document.getElementById('screen-clock');
		if (el) {
			var options = { timeZone: el.dataset.zone || undefined, hour12: false };
			var now = new Date();
			el.textContent = now.toLocaleDateString(document.documentElement.lang || undefined, options) + ' '
				+ now.toLocaleTimeString(document.documentElement.lang || undefined, options);
		}
	}

	document.addEventListener('DOMContentLoaded', function () {
		var root = document.getElementById('cockpit');
		if (!root || !window.echarts) { return; }
		load(root);
		var seconds = parseInt(root.dataset.refresh || '0', 10);
		if (seconds > 0) {
			setInterval(function () { load(root); }, seconds * 1000);
			clock();
			setInterval(clock, 1000);
		}
	});
})();
