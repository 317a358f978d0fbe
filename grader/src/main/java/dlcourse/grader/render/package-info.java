/**
 * The student's HTML feedback page, rendered from a {@link dlcourse.grader.report.Report} through view records
 * (never from the raw JSON) by one Thymeleaf engine ({@link dlcourse.grader.render.Templates}, which also renders the
 * class dashboard), with plots drawn by JFreeChart into inline SVG.
 *
 * <p>The page is one self-contained file: inline CSS and SVG, no scripts, no fonts or images fetched from anywhere,
 * so it opens offline and prints. All text reaches the page through Thymeleaf's escaping; the only unescaped markup
 * is the SVG the plotting library wrote, whose own text it escapes. Nothing here accepts or returns null unless the
 * Javadoc says so.
 */
package dlcourse.grader.render;
