using System.Text;

namespace Antq.Core.Pledges;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas, line breaks and
/// doubled quotes; CRLF or LF ends a record. Each record comes with the line it starts on.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    throw new FormatException($"line {line}: a quote inside a field that does not start with one; put the whole field in quotes and double the quote (\"\")");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    if (fields.Count > 1 || fields[0].Length > 0 || wasQuoted)
                    {
                        yield return (start, fields);
                    }

                    fields = [];
                    field.Clear();
                    wasQuoted = false;
                    line++;
                    start = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new FormatException($"line {line}: text after a closing quote");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"line {start}: a quoted field is never closed");
        }

        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Length > 0 || wasQuoted)
        {
            yield return (start, fields);
        }
    }
}
