package dlcourse.grader.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG writer for the figures: 8-bit RGB (or RGBA when a pixel is not opaque), every row with the "Sub"
 * filter, one zlib stream. It does what {@code ImageIO.write(image, "png", out)} does for a chart, in a few short
 * loops: ImageIO's general writer tries several filters per row through generic raster access, and its one large
 * method costs a short-lived JVM more time to compile than the figures take to draw.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int COLOUR_RGB = 2;
    private static final int COLOUR_RGBA = 6;
    private static final int FILTER_SUB = 1;

    private PngEncoder() {
    }

    /**
     * Writes the image as a PNG.
     *
     * @param image any image; its pixels are read as sRGB ARGB
     * @param out   receives the file's bytes (not closed)
     * @throws IOException if the stream fails
     */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = pixels(image);
        boolean alpha = hasAlpha(argb);
        int channels = alpha ? 4 : 3;

        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        writeInt(header, width);
        writeInt(header, height);
        header.write(8); // bits per channel
        header.write(alpha ? COLOUR_RGBA : COLOUR_RGB);
        header.write(0); // deflate
        header.write(0); // adaptive filtering (one filter byte per row)
        header.write(0); // not interlaced

        out.write(SIGNATURE);
        chunk(out, "IHDR", header.toByteArray(), header.size());
        byte[] compressed = deflate(filteredRows(argb, width, height, channels));
        chunk(out, "IDAT", compressed, compressed.length);
        chunk(out, "IEND", new byte[0], 0);
    }

    /** The pixels as ARGB ints, row-major without padding; shared with the image when it is stored that way. */
    static int[] pixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == width && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && buffer.getData().length == width * height) {
            int[] data = buffer.getData();
            if (type == BufferedImage.TYPE_INT_ARGB) {
                return data;
            }
            int[] opaque = new int[data.length];
            for (int i = 0; i < data.length; i++) {
                opaque[i] = 0xff000000 | data[i];
            }
            return opaque;
        }
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    private static boolean hasAlpha(int[] argb) {
        for (int p : argb) {
            if (p >>> 24 != 0xff) {
                return true;
            }
        }
        return false;
    }

    /** Every row as its filter byte then its bytes, each the difference to the same channel one pixel left. */
    static byte[] filteredRows(int[] argb, int width, int height, int channels) {
        int rowBytes = 1 + width * channels;
        byte[] out = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            filterRow(argb, y * width, width, channels, out, y * rowBytes);
        }
        return out;
    }

    private static void filterRow(int[] argb, int from, int width, int channels, byte[] out, int at) {
        out[at++] = FILTER_SUB;
        int prev = 0; // the pixel left of the row is zero in every channel
        for (int x = 0; x < width; x++) {
            int p = argb[from + x];
            out[at++] = (byte) ((p >>> 16) - (prev >>> 16));
            out[at++] = (byte) ((p >>> 8) - (prev >>> 8));
            out[at++] = (byte) (p - prev);
            if (channels == 4) {
                out[at++] = (byte) ((p >>> 24) - (prev >>> 24));
            }
            prev = p;
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 8));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream lengthBytes = new ByteArrayOutputStream(4);
        writeInt(lengthBytes, length);
        out.write(lengthBytes.toByteArray());
        out.write(name);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        ByteArrayOutputStream crcBytes = new ByteArrayOutputStream(4);
        writeInt(crcBytes, (int) crc.getValue());
        out.write(crcBytes.toByteArray());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
