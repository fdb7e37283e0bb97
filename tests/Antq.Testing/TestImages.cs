using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Antq.Testing;

/// <summary>
/// Photos as phones make them, for tests: a JPEG with Exif (camera, owner, GPS, orientation), XMP and IPTC written in
/// by hand, a PNG with text chunks, and ways to check what came out.
/// </summary>
public static class TestImages
{
    public const string Owner = "Nguyen Van Chu Anh";
    public const string Camera = "Galaxy A54 5G";
    public const string Maker = "samsung";

    /// <summary>What a GPS position of Lạng Sơn reads as in the Exif rationals, in any tool.</summary>
    public static readonly byte[] GpsLatitude = Rationals((21, 1), (50, 1), (4932, 100));

    /// <summary>A plain JPEG (40×20: left half red, right half blue), no metadata.</summary>
    public static byte[] Jpeg(int width = 40, int height = 20) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width = 40, int height = 20) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>
    /// A phone's JPEG: Exif (make, model, owner as artist, GPS, orientation 6 = "turn 90° clockwise to view"), XMP
    /// with the creator and IPTC with the by-line, all after the start marker as cameras write them.
    /// </summary>
    public static byte[] JpegWithMetadata(int width = 40, int height = 20, ushort orientation = 6)
    {
        var jpeg = Jpeg(width, height);
        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. Tiff(orientation)]);
        var xmp = Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(
            $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>{Owner}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")]);
        byte[] byline = [0x1C, 0x02, 0x50, 0x00, (byte)Owner.Length, .. Encoding.ASCII.GetBytes(Owner)];
        byte[] resource = [.. "8BIM"u8, 0x04, 0x04, 0x00, 0x00, .. Be32(byline.Length), .. byline, .. (byline.Length % 2 == 1 ? new byte[1] : [])];
        var iptc = Segment(0xED, [.. "Photoshop 3.0\0"u8, .. resource]);
        return [.. jpeg[..2], .. exif, .. xmp, .. iptc, .. jpeg[2..]];
    }

    /// <summary>A PNG with tEXt (author, comment), iTXt and eXIf chunks after its header.</summary>
    public static byte[] PngWithText(int width = 40, int height = 20)
    {
        var png = Png(width, height);
        var afterHeader = 8 + 25;
        byte[] chunks =
        [
            .. Chunk("tEXt", [.. "Author\0"u8, .. Encoding.ASCII.GetBytes(Owner)]),
            .. Chunk("tEXt", [.. "Comment\0"u8, .. Encoding.ASCII.GetBytes("Chup tai nha rieng, so 14 Ba Trieu")]),
            .. Chunk("iTXt", [.. "Description\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes("Ảnh của " + Owner)]),
            .. Chunk("eXIf", Tiff(orientation: 1)),
        ];
        return [.. png[..afterHeader], .. chunks, .. png[afterHeader..]];
    }

    /// <summary>What of the metadata a test planted is still in <paramref name="image"/>; empty when none.</summary>
    public static IReadOnlyList<string> MetadataIn(byte[] image)
    {
        var found = new List<string>();
        foreach (var (name, marker) in new (string, byte[])[]
        {
            ("Exif", "Exif\0\0"u8.ToArray()), ("XMP", "http://ns.adobe.com/xap"u8.ToArray()), ("IPTC", "Photoshop 3.0"u8.ToArray()),
            ("owner", Encoding.ASCII.GetBytes(Owner)), ("camera", Encoding.ASCII.GetBytes(Camera)), ("maker", Encoding.ASCII.GetBytes(Maker)),
            ("GPS", GpsLatitude), ("PNG tEXt", "tEXt"u8.ToArray()), ("PNG iTXt", "iTXt"u8.ToArray()), ("PNG eXIf", "eXIf"u8.ToArray()),
        })
        {
            if (image.AsSpan().IndexOf(marker) >= 0)
            {
                found.Add(name);
            }
        }

        return found;
    }

    /// <summary>
    /// The picture as a viewer shows it, in words: "40×20, red left, blue right" for the drawn one, "20×40, red top,
    /// blue bottom" once turned upright. Colours are judged loosely (JPEG shifts them a little).
    /// </summary>
    public static string Describe(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image) ?? throw new InvalidOperationException("Not an image.");
        var (w, h) = (bitmap.Width, bitmap.Height);
        string Name(int x, int y) => bitmap.GetPixel(x, y) switch
        {
            { Red: > 180, Blue: < 80 } => "red",
            { Blue: > 180, Red: < 80 } => "blue",
            var other => other.ToString(),
        };

        return w >= h
            ? $"{w}×{h}, {Name(w / 4, h / 2)} left, {Name(3 * w / 4, h / 2)} right"
            : $"{w}×{h}, {Name(w / 2, h / 4)} top, {Name(w / 2, 3 * h / 4)} bottom";
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var red = new SKPaint { Color = SKColors.Red })
        using (var blue = new SKPaint { Color = SKColors.Blue })
        {
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }

        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>A little-endian TIFF block: IFD0 (make, model, orientation, artist, GPS pointer), then the GPS IFD.</summary>
    private static byte[] Tiff(ushort orientation)
    {
        var make = Encoding.ASCII.GetBytes(Maker + "\0");
        var model = Encoding.ASCII.GetBytes(Camera + "\0");
        var artist = Encoding.ASCII.GetBytes(Owner + "\0");
        const int ifd0 = 8, ifd0Entries = 5, gpsEntries = 4;
        var data = ifd0 + 2 + (ifd0Entries * 12) + 4;
        var (makeAt, modelAt, artistAt) = (data, data + make.Length, data + make.Length + model.Length);
        var gps = artistAt + artist.Length;
        var gpsData = gps + 2 + (gpsEntries * 12) + 4;
        var longitude = Rationals((106, 1), (45, 1), (3672, 100));
        var block = new List<byte>();
        block.AddRange([0x49, 0x49, 0x2A, 0x00, .. Le32(ifd0)]);
        block.AddRange(Le16(ifd0Entries));
        block.AddRange(Entry(0x010F, 2, make.Length, makeAt));
        block.AddRange(Entry(0x0110, 2, model.Length, modelAt));
        block.AddRange([.. Le16(0x0112), .. Le16(3), .. Le32(1), .. Le16(orientation), 0, 0]);
        block.AddRange(Entry(0x013B, 2, artist.Length, artistAt));
        block.AddRange(Entry(0x8825, 4, 1, gps));
        block.AddRange(Le32(0));
        block.AddRange([.. make, .. model, .. artist]);
        block.AddRange(Le16(gpsEntries));
        block.AddRange([.. Le16(0x0001), .. Le16(2), .. Le32(2), (byte)'N', 0, 0, 0]);
        block.AddRange(Entry(0x0002, 5, 3, gpsData));
        block.AddRange([.. Le16(0x0003), .. Le16(2), .. Le32(2), (byte)'E', 0, 0, 0]);
        block.AddRange(Entry(0x0004, 5, 3, gpsData + GpsLatitude.Length));
        block.AddRange(Le32(0));
        block.AddRange([.. GpsLatitude, .. longitude]);
        return [.. block];
    }

    private static byte[] Entry(ushort tag, ushort type, int count, int offset) => [.. Le16(tag), .. Le16(type), .. Le32(count), .. Le32(offset)];

    private static byte[] Rationals(params (int Numerator, int Denominator)[] values) =>
        [.. values.SelectMany(v => (byte[])[.. Le32(v.Numerator), .. Le32(v.Denominator)])];

    private static byte[] Segment(byte marker, byte[] body) => [0xFF, marker, .. Be16(body.Length + 2), .. body];

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        return [.. Be32(data.Length), .. typed, .. Be32((int)Crc32(typed))];
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Le16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        return bytes;
    }

    private static byte[] Le32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Be16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        return bytes;
    }

    private static byte[] Be32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
