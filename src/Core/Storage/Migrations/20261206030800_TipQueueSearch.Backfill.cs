#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <summary>The SQL this migration writes by hand, shared by the two providers' migrations of the same name.</summary>
    public partial class TipQueueSearch
    {
        // Each Vietnamese vowel with its marks (and đ), folded to its base letter; upper case is derived. Frozen here
        // rather than taken from the live fold, so that a later change to that goes in a migration of its own.
        private static readonly (char Base, string Marked)[] Letters =
        [
            ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
            ('e', "èéẻẽẹêềếểễệ"),
            ('i', "ìíỉĩị"),
            ('o', "òóỏõọôồốổỗộơờớởỡợ"),
            ('u', "ùúủũụưừứửữự"),
            ('y', "ỳýỷỹỵ"),
            ('d', "đ"),
        ];

        // The combining marks of text typed decomposed (NFD): the five tones, circumflex, breve and horn.
        private const string CombiningMarks = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B";

        /// <summary>
        /// Fills <c>SearchText</c> of the tips already stored, as the service folds a tip it writes
        /// (<see cref="Antq.Core.Tips.TipSearch.TextOf"/>): description and place, marks removed, lower case. Plain
        /// REPLACE and LOWER with quoted identifiers, the same on SQLite and PostgreSQL; SQLite's LOWER folds ASCII only,
        /// so the accented capitals are replaced by their lower-case base letter first. It does not collapse
        /// punctuation into spaces as the live fold does, which a search (whole words, each looked for alone) does
        /// not notice.
        /// </summary>
        internal static string Backfill
        {
            get
            {
                var expression = "\"Description\" || ' ' || COALESCE(\"PlaceText\", '')";
                foreach (var (letter, marked) in Letters)
                {
                    foreach (var c in marked + marked.ToUpperInvariant())
                    {
                        expression = $"REPLACE({expression}, '{c}', '{letter}')";
                    }
                }

                foreach (var mark in CombiningMarks)
                {
                    expression = $"REPLACE({expression}, '{mark}', '')";
                }

                return $"UPDATE \"tips\" SET \"SearchText\" = LOWER({expression});";
            }
        }
    }
}
