package dev.persistedops.benchmark.harness;

/**
 * Two ways of serving the same work, measured in rounds: the ratio of a round is above 1
 * when A costs less per request ({@link Round#ratio()}).
 *
 * @param title the comparison as the issue names it, such as
 * {@code starter by id / starter full text}
 * @param shape the request shape, a column of the summary ({@code large},
 * {@code trivial}, {@code mutation}, ...)
 * @param a the numerator
 * @param b the denominator
 * @param target the ratio the issue asks for at least, or {@code 0} for none
 */
public record Comparison(String title, String shape, Side a, Side b, double target) {

	/**
	 * Return a comparison without a target.
	 */
	public static Comparison of(String title, String shape, Side a, Side b) {
		return new Comparison(title, shape, a, b, 0);
	}

	/**
	 * Return this comparison with a target ratio.
	 */
	public Comparison withTarget(double target) {
		return new Comparison(this.title, this.shape, this.a, this.b, target);
	}

	/**
	 * One side of a comparison: a request sent to a server.
	 *
	 * @param server the server's name
	 * @param request the request
	 */
	public record Side(String server, LoadRequest request) {

		@Override
		public String toString() {
			return this.server + ": " + this.request.label();
		}

	}

}
