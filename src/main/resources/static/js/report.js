// Work report pages: highlight the clicked figure, the print button, and the month field of the generate form.
(function () {
	'use strict';

	document.addEventListener('click', function (event) {
		var figure = event.target.closest('a.figure');
		if (figure) {
			document.querySelectorAll('a.figure.active').forEach(function (a) { a.classList.remove('active'); });
			document.querySelectorAll('a.figure[data-figure="' + figure.dataset.figure + '"]').forEach(function (a) {
				a.classList.add('active');
			});
		}
		if (event.target.closest('[data-print]')) {
			window.print();
		}
	});

	document.addEventListener('DOMContentLoaded', function () {
		var kind = document.querySelector('#report-form #kind');
		var monthField = document.getElementById('month-field');
		if (kind && monthField) {
			var sync = function () {
				var needsMonth = kind.value === 'MONTHS' || kind.value === 'QUARTER';
				monthField.hidden = !needsMonth;
				document.getElementById('month').required = needsMonth;
			};
			kind.addEventListener('change', sync);
			sync();
		}
		var form = document.getElementById('report-form');
		if (form) {
			form.addEventListener('submit', function () {
				var button = form.querySelector('button[type=submit][data-busy]');
				if (button) {
					button.disabled = true;
					button.textContent = button.dataset.busy;
				}
			});
		}
	});
})();
