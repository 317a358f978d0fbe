package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A user's own picture turned into the model's input for {@code dlcourse classify}: read with {@code javax.imageio}
 * (JPEG, PNG and whatever else the JDK reads), resized to 64 × 64 RGB and flattened exactly as the course flattens
 * its images, into a (12288, 1) column in (row, column, channel) order divided by 255.
 *
 * <p>Resizing is bicubic (Java2D's {@code VALUE_INTERPOLATION_BICUBIC}). A single bicubic step reads only 4 × 4
 * source pixels per target pixel, so shrinking a photo by much more than 2× would alias; the picture is therefore
 * first halved in bicubic steps until it is at most twice the target size, then resized once more. This
 * approximates the antialiased bicubic resize of Pillow, which the course's notebook uses. The aspect ratio is not
 * kept (the course squeezes pictures the same way), and transparent pixels are composited onto white.
 *
 * <p>Only AWT's off-screen images are used, which work without a display.
 */
public final class ClassifyInput {

    /** Height and width of the course's pictures, in pixels. */
    public static final int NUM_PX = 64;

    /** RGB channels per pixel. */
    private static final int CHANNELS = 3;

    /** Pixel values are 0..255; the course divides by this to get 0..1. */
    private static final double MAX_PIXEL_VALUE = 255.0;

    private ClassifyInput() {
    }

    /**
     * Reads, resizes and flattens a picture.
     *
     * @param file a JPEG or PNG file
     * @return shape (12288, 1): entry (r·64 + c)·3 + k is channel k (red, green, blue) of the resized picture's
     *     pixel at row r, column c, divided by 255
     * @throws UnreadablePictureException naming the file, when it is missing, unreadable or not a picture
     */
    public static Matrix column(Path file) {
        return column(resize(read(file), NUM_PX));
    }

    /** Decodes the file; every failure becomes an {@link UnreadablePictureException} naming the file. */
    static BufferedImage read(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new UnreadablePictureException(file, "it is a directory, not a picture");
        }
        ImageIO.setUseCache(false);
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = decode(file, in);
        } catch (NoSuchFileException e) {
            throw new UnreadablePictureException(file, "no such file");
        } catch (IOException e) {
            throw new UnreadablePictureException(file, "the file cannot be opened (" + e + ")");
        }
        if (image == null) {
            throw new UnreadablePictureException(file, "it is not a JPEG or PNG picture (no image reader"
                    + " recognises its contents)");
        }
        if (image.getWidth() < 1 || image.getHeight() < 1) {
            throw new UnreadablePictureException(file, "the picture has no pixels");
        }
        return image;
    }

    /** The decoded picture, or null when no reader recognises the contents. */
    private static BufferedImage decode(Path file, InputStream in) {
        try {
            return ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            // Decoders report damaged files with IIOException and, for some corruptions, runtime exceptions.
            throw new UnreadablePictureException(file, "the picture is damaged or in an unsupported variant ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * The picture as a {@code size} × {@code size} opaque RGB image (see the class comment for the method).
     *
     * @param image any decoded picture
     * @param size  the target width and height
     * @return a new image of type {@code TYPE_INT_RGB}
     */
    static BufferedImage resize(BufferedImage image, int size) {
        BufferedImage current = draw(image, image.getWidth(), image.getHeight());
        int width = current.getWidth();
        int height = current.getHeight();
        while (width > 2 * size || height > 2 * size) {
            width = width > 2 * size ? width / 2 : width;
            height = height > 2 * size ? height / 2 : height;
            current = draw(current, width, height);
        }
        return width == size && height == size ? current : draw(current, size, size);
    }

    /** Draws the image scaled to width × height onto a new white RGB canvas with bicubic interpolation. */
    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION,
                    RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * The course's flattening of one square picture: (row, column, channel) order, divided by 255.
     *
     * @param square an opaque picture, num_px × num_px
     * @return shape (num_px · num_px · 3, 1)
     */
    static Matrix column(BufferedImage square) {
        int numPx = square.getHeight();
        if (square.getWidth() != numPx) {
            throw new IllegalArgumentException("expected a square picture but it is " + square.getWidth() + " × "
                    + square.getHeight());
        }
        double[] values = new double[numPx * numPx * CHANNELS];
        for (int row = 0; row < numPx; row++) {
            for (int col = 0; col < numPx; col++) {
                int rgb = square.getRGB(col, row);
                int at = (row * numPx + col) * CHANNELS;
                values[at] = ((rgb >> 16) & 0xff) / MAX_PIXEL_VALUE;
                values[at + 1] = ((rgb >> 8) & 0xff) / MAX_PIXEL_VALUE;
                values[at + 2] = (rgb & 0xff) / MAX_PIXEL_VALUE;
            }
        }
        return Matrix.column(values);
    }

    /** Thrown when a picture cannot be read; the message names the file and says why. */
    public static final class UnreadablePictureException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Path file;

        /**
         * @param file   the file that was read
         * @param reason why it could not be used, e.g. {@code no such file}
         */
        public UnreadablePictureException(Path file, String reason) {
            super("cannot read " + file + ": " + reason);
            this.file = file;
        }

        /**
         * The file that could not be read.
         *
         * @return the path as given
         */
        public Path file() {
            return file;
        }
    }
}
