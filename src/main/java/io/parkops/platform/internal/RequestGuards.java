package io.parkops.platform.internal;

import java.io.IOException;
import java.util.Map;

import io.parkops.platform.Inputs;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request must satisfy before a controller sees it: a body within the limit
 * ({@code parkops.api.max-body-size}, 413), parameters without control characters (400
 * naming the parameter) and an address the firewall accepts (encoded slashes, 400). API
 * callers get {@code application/problem+json}, people the error page.
 */
@Configuration
class RequestGuards {

	/**
	 * Let encoded slashes reach the firewall, which answers them like every rejection.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
		return (factory) -> factory.addConnectorCustomizers((c) -> c.setEncodedSolidusHandling("passthrough"));
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler(ApiProblems problems, ProblemWriter writer) {
		return (request, response, ex) -> answer(request, response,
				problems.problem(HttpStatus.BAD_REQUEST, "error.api.rejected"), writer);
	}

	@Bean
	FilterRegistrationBean<InputGuard> inputGuard(ApiProblems problems, ProblemWriter writer) {
		FilterRegistrationBean<InputGuard> registration = new FilterRegistrationBean<>(
				new InputGuard(problems, writer));
		// after Spring Security (-100): the unauthenticated get 401 first
		registration.setOrder(0);
		return registration;
	}

	static boolean isApi(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri != null && uri.startsWith(request.getContextPath() + "/api/");
	}

	static void answer(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
			ProblemWriter writer) throws IOException {
		if (isApi(request)) {
			writer.write(response, problem);
		}
		else {
			request.setAttribute(ApiProblems.PROBLEM, problem);
			response.sendError(problem.getStatus());
		}
	}

	/** Refuses oversized bodies and control characters in parameters. */
	static class InputGuard extends OncePerRequestFilter {

		private final ApiProblems problems;

		private final ProblemWriter writer;

		InputGuard(ApiProblems problems, ProblemWriter writer) {
			this.problems = problems;
			this.writer = writer;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String type = request.getContentType();
			boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
			long limit = this.problems.maxBody().toBytes();
			if (!multipart && request.getContentLengthLong() > limit) {
				answer(request, response, this.problems.problem(HttpStatus.PAYLOAD_TOO_LARGE,
						"error.api.payloadTooLarge", ApiProblems.human(this.problems.maxBody())), this.writer);
				return;
			}
			if (!multipart) {
				for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
					for (String value : p.getValue()) {
						if (Inputs.hasControlCharacters(value, true)
								|| Inputs.hasControlCharacters(p.getKey(), false)) {
							String field = Inputs.shorten(p.getKey());
							answer(request, response,
									ApiProblems.withField(
											this.problems.problem(HttpStatus.BAD_REQUEST, "error.validation"), field,
											this.problems.text("error.controlCharacters")),
									this.writer);
							return;
						}
					}
				}
			}
			chain.doFilter(multipart ? request : new Limited(request, limit), response);
		}

	}

	/** A body of unknown length is cut off at the limit with {@link TooLarge}. */
	static class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int off, int len) throws IOException {
						int n = in.read(buffer, off, len);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws TooLarge {
						this.read += n;
						if (this.read > Limited.this.limit) {
							throw new TooLarge();
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return this.stream;
		}

	}

	/** A body larger than the limit. */
	static class TooLarge extends IOException {

		TooLarge() {
			super("request body over the limit");
		}

	}

}
