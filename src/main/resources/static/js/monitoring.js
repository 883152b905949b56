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

	// The points map: each point with coordinates a dot at its longitude and latitude on
	// plain value axes (no tile server), the axes widened to keep distances true at the
	// zone's latitude; coloured by status, a click opening the point.
	var STATUS_COLOURS = { ONLINE: '#389e0d', OFFLINE: '#8c8c8c', EXCEEDING: '#cf1322' };

	function extent(points, el) {
		var lons = points.map(function (p) { return Number(p.longitude); });
		var lats = points.map(function (p) { return Number(p.latitude); });
		var b = [Math.min.apply(null, lons), Math.min.apply(null, lats), Math.max.apply(null, lons), Math.max.apply(null, lats)];
		var k = Math.cos((b[1] + b[3]) / 2 * Math.PI / 180) || 1;
		// at least about 500 m across, and a margin of a tenth around the points
		var w = Math.max((b[2] - b[0]) * k, 0.0045), h = Math.max(b[3] - b[1], 0.0045);
		w *= 1.2; h *= 1.2;
		var ratio = el.clientWidth / Math.max(el.clientHeight, 1);
		if (w / h < ratio) { w = h * ratio; } else { h = w / ratio; }
		var cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
		return { x: { type: 'value', min: cx - w / k / 2, max: cx + w / k / 2, show: false, scale: true },
			y: { type: 'value', min: cy - h / 2, max: cy + h / 2, show: false, scale: true } };
	}

	function pointsMap(el) {
		fetch(el.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
			.then(function (r) { return r.json(); })
			.then(function (data) {
				if (data.unplacedText) {
					var note = document.getElementById('monitoring-map-unplaced');
					note.textContent = data.unplacedText;
					note.hidden = false;
				}
				if (!data.points.length) {
					document.getElementById('monitoring-map-empty').hidden = false;
					el.hidden = true;
					return;
				}
				var chart = echarts.getInstanceByDom(el) || echarts.init(el);
				var a = extent(data.points, el);
				var series = Object.keys(STATUS_COLOURS).map(function (status) {
					return { name: data.labels[status], type: 'scatter', symbolSize: 16,
						itemStyle: { color: STATUS_COLOURS[status], borderColor: '#ffffff', borderWidth: 2 },
						label: { show: true, position: 'right', formatter: function (p) { return p.data.point.name; },
							color: '#262626', fontSize: 11 },
						data: data.points.filter(function (p) { return p.status === status; }).map(function (p) {
							return { value: [Number(p.longitude), Number(p.latitude)], point: p };
						}) };
				});
				chart.setOption({
					animation: false,
					grid: { left: 8, right: 8, top: 8, bottom: 36 },
					xAxis: a.x, yAxis: a.y,
					legend: { bottom: 0 },
					labelLayout: { hideOverlap: true },
					tooltip: { formatter: function (p) {
						var x = p.data.point;
						return echarts.format.encodeHTML(x.name) + '<br>' + echarts.format.encodeHTML(x.enterprise)
							+ '<br>' + echarts.format.encodeHTML(x.kind) + ' · ' + data.labels[x.status]
							+ (x.openAlarms > 0 ? '<br>' + data.labels.openAlarms + ' ' + x.openAlarms : '');
					} },
					series: series
				}, true);
				chart.on('click', function (p) {
					if (p.data && p.data.point) {
						window.location.href = el.dataset.link + encodeURIComponent(p.data.point.mn);
					}
				});
				window.addEventListener('resize', function () { chart.resize(); });
			});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.echarts) {
			return;
		}
		var map = document.getElementById('monitoring-map');
		if (map) {
			pointsMap(map);
		}
		document.querySelectorAll('[data-monitoring-chart]').forEach(function (el) {
			fetch(el.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
				.then(function (r) { return r.json(); })
				.then(function (data) { draw(el, data); });
		});
	});
})();
