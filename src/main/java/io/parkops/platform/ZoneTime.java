package io.parkops.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zone in which people read times: every page, export and document shows
 * instants in it ({@code parkops.time-zone}, {@code PARKOPS_TIME_ZONE}, default
 * {@code Asia/Shanghai}). Templates use it as {@code ${@zoneTime.format(instant)}}.
 */
@Component("zoneTime")
public class ZoneTime {

	static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** The configured time zone, for code that computes "today" outside a bean. */
	private static volatile ZoneId configured = ZoneId.of("Asia/Shanghai");

	private final ZoneId zone;

	public ZoneTime(@Value("${parkops.time-zone:Asia/Shanghai}") String zone) {
		this.zone = ZoneId.of(zone);
	}

	/**
	 * The application's bean publishes its time zone for {@link #zone()}; instances made
	 * by hand (a test of another zone's formatting) do not.
	 */
	@jakarta.annotation.PostConstruct
	void publish() {
		configured = this.zone;
	}

	/**
	 * The zone's time zone as configured ({@code parkops.time-zone}); Asia/Shanghai until
	 * the application has started. Dates such as "today", a deadline's day or a
	 * document's date are taken in it.
	 */
	public static ZoneId zone() {
		return configured;
	}

	/**
	 * A moment of a day in the zone's time zone: {@code hour}:00 (demo data dates its
	 * events so, never at the moment of loading).
	 */
	public static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(configured).toInstant();
	}

	public ZoneId zoneId() {
		return this.zone;
	}

	/** Today in the zone's time zone. */
	public LocalDate today() {
		return LocalDate.now(this.zone);
	}

	public ZonedDateTime at(Object instant) {
		if (instant == null) {
			return null;
		}
		if (instant instanceof Instant i) {
			return i.atZone(this.zone);
		}
		if (instant instanceof OffsetDateTime o) {
			return o.atZoneSameInstant(this.zone);
		}
		if (instant instanceof ZonedDateTime z) {
			return z.withZoneSameInstant(this.zone);
		}
		if (instant instanceof java.time.LocalDateTime local) {
			return local.atZone(this.zone);
		}
		if (instant instanceof java.util.Date d) {
			return d.toInstant().atZone(this.zone);
		}
		throw new IllegalArgumentException("not an instant: " + instant.getClass());
	}

	/** {@code yyyy-MM-dd HH:mm} in the zone's time zone; empty for null. */
	public String format(Object instant) {
		ZonedDateTime at = at(instant);
		return (at != null) ? MINUTES.format(at) : "";
	}

	/** {@code yyyy-MM-dd HH:mm:ss} in the zone's time zone; empty for null. */
	public String formatSeconds(Object instant) {
		ZonedDateTime at = at(instant);
		return (at != null) ? SECONDS.format(at) : "";
	}

	/** The current moment, {@code yyyy-MM-dd HH:mm} in the zone's time zone. */
	public String now() {
		return format(Instant.now());
	}

}
