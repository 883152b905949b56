package io.parkops.platform.excel;

/**
 * Told how far a long import has come, so the page can show a progress bar.
 */
public interface Progress {

	void total(int steps);

	void done(int steps);

	static Progress none() {
		return new Progress() {
			@Override
			public void total(int steps) {
			}

			@Override
			public void done(int steps) {
			}
		};
	}

}
