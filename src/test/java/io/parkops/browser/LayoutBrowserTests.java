package io.parkops.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top bar stays one line at 1366×768 for a leader of the demo zone with all the
 * reminders the leader gets, in Chinese and in English: the zone switch, each reminder,
 * the language links, the user and the sign-out button side by side within the bar; a
 * reminder shortened to fit is read in full on hover and in the list the button after the
 * reminders opens.
 */
class LayoutBrowserTests extends BrowserTestSupport {

	@Test
	void theTopBarOfALeaderWithRemindersStaysOneLineAt1366() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signInToDemo(context, "LEADER");
			for (String lang : List.of("zh_CN", "en")) {
				page.navigate(url("/?lang=" + lang));
				screenshot(page, "layout-topbar-leader-" + lang);
				Locator reminders = page.locator(".topbar .notifications a");
				assertThat(reminders.count()).as("reminders of the demo leader").isGreaterThanOrEqualTo(4);
				BoundingBox bar = page.locator(".topbar").boundingBox();
				assertThat(bar.height).as(lang + ": the bar's height").isLessThanOrEqualTo(52);
				// every item of the bar lies within it, on one line, none wrapped onto
				// two
				Locator items = page.locator(".topbar select, .topbar .notifications a, .topbar .right > span,"
						+ " .topbar .right > a, .topbar .right button, .topbar .reminder-list > summary");
				for (int i = 0; i < items.count(); i++) {
					BoundingBox box = items.nth(i).boundingBox();
					String what = lang + ": " + items.nth(i).textContent().trim();
					assertThat(box.y).as(what).isGreaterThanOrEqualTo(bar.y);
					assertThat(box.y + box.height).as(what).isLessThanOrEqualTo(bar.y + bar.height);
					assertThat(box.x + box.width).as(what).isLessThanOrEqualTo(1366);
					assertThat(box.height).as(what + " is one line").isLessThan(40);
				}
				// a reminder shortened to fit still says everything on hover
				for (int i = 0; i < reminders.count(); i++) {
					assertThat(reminders.nth(i).getAttribute("title")).isEqualTo(reminders.nth(i).textContent().trim());
				}
				// and, without a mouse, in the list under the button at the end of the
				// reminders: every reminder in full, none cut, all on the screen
				Locator full = page.locator(".topbar .reminder-list li a");
				assertThat(full.first().isVisible()).as(lang + ": the list is closed at first").isFalse();
				page.locator(".topbar .reminder-list > summary").click();
				screenshot(page, "layout-topbar-reminders-open-" + lang);
				assertThat(full.count()).isEqualTo(reminders.count());
				for (int i = 0; i < full.count(); i++) {
					Locator item = full.nth(i);
					String what = lang + ": " + item.textContent().trim();
					assertThat(item.isVisible()).as(what).isTrue();
					assertThat(item.textContent().trim()).isEqualTo(reminders.nth(i).getAttribute("title"));
					assertThat(item.getAttribute("href")).isEqualTo(reminders.nth(i).getAttribute("href"));
					assertThat((Boolean) item.evaluate("a => a.scrollWidth <= a.clientWidth")).as(what + " is not cut")
						.isTrue();
					BoundingBox box = item.boundingBox();
					assertThat(box.x).as(what).isGreaterThanOrEqualTo(0);
					assertThat(box.x + box.width).as(what).isLessThanOrEqualTo(1366);
					assertThat(box.y + box.height).as(what).isLessThanOrEqualTo(768);
				}
				page.keyboard().press("Escape");
				page.locator(".topbar .reminder-list > summary").click();
				assertThat(full.first().isVisible()).as(lang + ": the list closes again").isFalse();
			}
		}
	}

}
