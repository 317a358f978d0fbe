package dlcourse.grader.render;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import dlcourse.grader.report.Figure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A grid of small pictures with a caption under each, as one inline {@code <svg>} whose pictures are embedded PNGs:
 * the course's view of the pictures a model labels wrongly. Pixels are drawn enlarged without smoothing, so the
 * 64 × 64 pictures look as the model sees them.
 */
public final class ImageGallery {

    /** Each picture is drawn this many times its size. */
    static final int ZOOM = 2;
    /** Pictures per row. */
    static final int COLUMNS = 5;
    static final int GAP = 14;
    /** Room for two caption lines under a picture. */
    static final int CAPTION = 36;
    static final int LINE = 15;

    /**
     * One picture and what to say about it.
     *
     * @param pixels  the picture, shape (height, width, 3), values 0..255 (RGB)
     * @param caption one or two lines, separated by {@code \n}
     */
    public record Picture(Tensor pixels, String caption) {
        /** Rejects a picture that is not (height, width, 3). */
        public Picture {
            Objects.requireNonNull(pixels, "pixels");
            Objects.requireNonNull(caption, "caption");
            if (pixels.ndim() != 3 || pixels.dim(2) != 3) {
                throw new IllegalArgumentException("a picture must have shape (height, width, 3) but has shape "
                        + Tensor.formatShape(pixels.shape()));
            }
        }
    }

    private final String title;
    private final List<Picture> pictures;

    private ImageGallery(String title, List<Picture> pictures) {
        this.title = title;
        this.pictures = pictures;
    }

    /**
     * A gallery of the given pictures, in order.
     *
     * @param title    what the gallery shows
     * @param pictures the pictures (copied); may be empty
     */
    public static ImageGallery of(String title, List<Picture> pictures) {
        return new ImageGallery(Objects.requireNonNull(title, "title"), List.copyOf(pictures));
    }

    /**
     * The pictures a classifier labels wrongly, captioned as the course captions them ("Prediction: non-cat",
     * "Class: cat") with the picture's index.
     *
     * @param title       what the gallery shows
     * @param images      the pictures, shape (m, height, width, 3), values 0..255
     * @param predictions the classifier's labels, shape (1, m)
     * @param labels      the true labels, shape (1, m)
     * @param classes     class names by label, e.g. {@code [non-cat, cat]}
     */
    public static ImageGallery mislabelled(String title, Tensor images, Matrix predictions, Matrix labels,
                                           List<String> classes) {
        return mislabelled(title, images, predictions, labels, classes, Integer.MAX_VALUE);
    }

    /**
     * The first {@code max} pictures a classifier labels wrongly (see {@link #mislabelled(String, Tensor, Matrix,
     * Matrix, List)}), to keep a page small when a model is still far from trained.
     *
     * @param max the most pictures to show, at least 0
     */
    public static ImageGallery mislabelled(String title, Tensor images, Matrix predictions, Matrix labels,
                                           List<String> classes, int max) {
        if (predictions.rows() != 1 || !predictions.shape().equals(labels.shape())
                || labels.cols() != images.dim(0)) {
            throw new IllegalArgumentException("need one prediction and one label per picture: " + images.dim(0)
                    + " pictures, predictions " + predictions.shape() + ", labels " + labels.shape());
        }
        double[] p = predictions.toArray();
        double[] y = labels.toArray();
        List<Picture> wrong = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i] != y[i] && wrong.size() < max) {
                wrong.add(new Picture(images.index(i), "#" + i + " Prediction: " + name(classes, p[i])
                        + "\nClass: " + name(classes, y[i])));
            }
        }
        return of(title, wrong);
    }

    private static String name(List<String> classes, double label) {
        int k = (int) label;
        return k == label && k >= 0 && k < classes.size() ? classes.get(k) : String.valueOf(label);
    }

    /** The number of pictures. */
    public int size() {
        return pictures.size();
    }

    /** The gallery as an inline {@code <svg>} element with the pictures as embedded PNGs. */
    public String svg() {
        int cellWidth = pictures.stream().mapToInt(p -> p.pixels().dim(1) * ZOOM).max().orElse(64 * ZOOM);
        int pictureHeight = pictures.stream().mapToInt(p -> p.pixels().dim(0) * ZOOM).max().orElse(64 * ZOOM);
        int cellHeight = pictureHeight + CAPTION;
        int columns = Math.max(1, Math.min(COLUMNS, pictures.size()));
        int rows = Math.max(1, (pictures.size() + columns - 1) / columns);
        int width = columns * cellWidth + (columns + 1) * GAP;
        int height = rows * cellHeight + (rows + 1) * GAP;
        String id = "gallery-" + Integer.toHexString(Objects.hash(title, pictures.stream()
                .map(p -> p.caption() + java.util.Arrays.hashCode(p.pixels().toArray())).toList()));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\">", id, width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        if (pictures.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\""
                    + " font-size=\"13\" fill=\"#444\">no pictures</text>", GAP, GAP + LINE));
        }
        for (int k = 0; k < pictures.size(); k++) {
            Picture picture = pictures.get(k);
            int x = GAP + (k % columns) * (cellWidth + GAP);
            int y = GAP + (k / columns) * (cellHeight + GAP);
            int w = picture.pixels().dim(1) * ZOOM;
            int h = picture.pixels().dim(0) * ZOOM;
            svg.append(String.format(Locale.ROOT, "<image x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
                    + " style=\"image-rendering:pixelated\" href=\"data:image/png;base64,%s\"/>", x, y, w, h,
                    png(picture.pixels())));
            String[] lines = picture.caption().split("\n", -1);
            for (int i = 0; i < Math.min(2, lines.length); i++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\" fill=\"#222\">%s</text>", x, y + h + LINE * (i + 1),
                        SvgChart.escape(lines[i])));
            }
        }
        svg.append("</svg>");
        return SvgChart.decorate(svg.toString(), id, "plot plot-gallery", "image-gallery", title);
    }

    /**
     * The gallery as a report figure.
     *
     * @param caption what to look at
     */
    public Figure figure(String caption) {
        return new Figure(title, caption, svg());
    }

    /** Writes the gallery as a standalone SVG file (parent folders are created). */
    public void writeSvg(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg() + "\n",
                StandardCharsets.UTF_8);
    }

    /** The picture as a base64 PNG; values are rounded and clipped to 0..255. */
    static String png(Tensor pixels) {
        int height = pixels.dim(0);
        int width = pixels.dim(1);
        double[] v = pixels.toArray();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int at = (r * width + c) * 3;
                image.setRGB(c, r, channel(v[at]) << 16 | channel(v[at + 1]) << 8 | channel(v[at + 2]));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a picture as PNG", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
