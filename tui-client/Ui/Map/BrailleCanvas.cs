namespace OffenderMgmt.Tui.Ui.Map;

/// <summary>
/// A picture made of braille characters: each character cell holds a 2×4 grid of dots. Every
/// dot is drawn on a layer; a cell takes the colour of its highest layer, and a marker (a
/// number, a cross) replaces a cell's dots, so homes and the cursor stay readable on top of
/// outlines. Pure: it knows nothing of terminals, so it can be tested as text.
/// </summary>
public sealed class BrailleCanvas
{
    private static readonly int[,] DotBits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    private readonly int[,] _bits;
    private readonly int[,] _layers;
    private readonly char?[,] _marks;

    public BrailleCanvas(int columns, int rows)
    {
        Columns = Math.Max(1, columns);
        Rows = Math.Max(1, rows);
        _bits = new int[Rows, Columns];
        _layers = new int[Rows, Columns];
        _marks = new char?[Rows, Columns];
    }

    public int Columns { get; }
    public int Rows { get; }
    public int WidthDots => Columns * 2;
    public int HeightDots => Rows * 4;

    public void Plot(int x, int y, int layer)
    {
        if (x < 0 || y < 0 || x >= WidthDots || y >= HeightDots) return;
        int column = x / 2, row = y / 4;
        _bits[row, column] |= DotBits[x % 2, y % 4];
        if (layer > _layers[row, column]) _layers[row, column] = layer;
    }

    /// <summary>A straight line between two dot positions (Bresenham), clipped to the canvas.</summary>
    public void Line(double x0, double y0, double x1, double y1, int layer)
    {
        int ax = (int)Math.Round(x0), ay = (int)Math.Round(y0), bx = (int)Math.Round(x1), by = (int)Math.Round(y1);
        // Far-off segments (a zone well outside the beat) are skipped rather than walked dot by dot.
        if (Math.Max(Math.Abs(ax), Math.Abs(bx)) > 100_000 || Math.Max(Math.Abs(ay), Math.Abs(by)) > 100_000) return;
        int dx = Math.Abs(bx - ax), sx = ax < bx ? 1 : -1, dy = -Math.Abs(by - ay), sy = ay < by ? 1 : -1, error = dx + dy;
        while (true)
        {
            Plot(ax, ay, layer);
            if (ax == bx && ay == by) return;
            var twice = 2 * error;
            if (twice >= dy) { error += dy; ax += sx; }
            if (twice <= dx) { error += dx; ay += sy; }
        }
    }

    /// <summary>The outline of a ring of dot positions (closed whether or not the last point repeats the first).</summary>
    public void Polygon(IReadOnlyList<(double X, double Y)> ring, int layer)
    {
        for (var i = 0; i < ring.Count; i++)
        {
            var (x0, y0) = ring[i];
            var (x1, y1) = ring[(i + 1) % ring.Count];
            Line(x0, y0, x1, y1, layer);
        }
    }

    public void Circle(double cx, double cy, double radius, int layer)
    {
        var steps = Math.Clamp((int)(radius * 8), 12, 720);
        for (var i = 0; i < steps; i++)
        {
            double a0 = 2 * Math.PI * i / steps, a1 = 2 * Math.PI * (i + 1) / steps;
            Line(cx + radius * Math.Cos(a0), cy + radius * Math.Sin(a0), cx + radius * Math.Cos(a1), cy + radius * Math.Sin(a1), layer);
        }
    }

    /// <summary>
    /// Fills a ring with every other dot (a light shading, so outlines drawn over it still show),
    /// by scanlines with the even-odd rule; only the rows and columns on the canvas are walked.
    /// </summary>
    public void FillPolygon(IReadOnlyList<(double X, double Y)> ring, int layer)
    {
        if (ring.Count < 3) return;
        for (var y = 0; y < HeightDots; y++)
        {
            var scan = y + 0.5;
            var crossings = new List<double>();
            for (var i = 0; i < ring.Count; i++)
            {
                var (x0, y0) = ring[i];
                var (x1, y1) = ring[(i + 1) % ring.Count];
                if ((y0 <= scan && y1 > scan) || (y1 <= scan && y0 > scan))
                    crossings.Add(x0 + (scan - y0) / (y1 - y0) * (x1 - x0));
            }
            crossings.Sort();
            for (var i = 0; i + 1 < crossings.Count; i += 2)
            {
                var from = Math.Max(0, (int)Math.Ceiling(crossings[i] - 0.5));
                var to = Math.Min(WidthDots - 1, (int)Math.Floor(crossings[i + 1] - 0.5));
                for (var x = from; x <= to; x++)
                    if ((x + y) % 2 == 0) Plot(x, y, layer);
            }
        }
    }

    /// <summary>Fills a circle with every other dot, like <see cref="FillPolygon"/>.</summary>
    public void FillCircle(double cx, double cy, double radius, int layer)
    {
        var top = Math.Max(0, (int)Math.Floor(cy - radius));
        var bottom = Math.Min(HeightDots - 1, (int)Math.Ceiling(cy + radius));
        for (var y = top; y <= bottom; y++)
        {
            var half = Math.Sqrt(Math.Max(0, radius * radius - (y + 0.5 - cy) * (y + 0.5 - cy)));
            var from = Math.Max(0, (int)Math.Ceiling(cx - half - 0.5));
            var to = Math.Min(WidthDots - 1, (int)Math.Floor(cx + half - 0.5));
            for (var x = from; x <= to; x++)
                if ((x + y) % 2 == 0) Plot(x, y, layer);
        }
    }

    /// <summary>Puts a character in the cell holding the dot position, replacing its dots.</summary>
    public void Mark(double x, double y, char mark, int layer)
    {
        int column = (int)Math.Floor(x / 2), row = (int)Math.Floor(y / 4);
        if (column < 0 || row < 0 || column >= Columns || row >= Rows) return;
        if (_marks[row, column] is not null && _layers[row, column] > layer) return;
        _marks[row, column] = mark;
        _layers[row, column] = Math.Max(layer, _layers[row, column]);
    }

    public char CharAt(int column, int row) =>
        _marks[row, column] ?? (_bits[row, column] == 0 ? ' ' : (char)(0x2800 + _bits[row, column]));

    public int LayerAt(int column, int row) => _layers[row, column];

    public string RowText(int row) => string.Concat(Enumerable.Range(0, Columns).Select(c => CharAt(c, row)));

    public override string ToString() => string.Join("\n", Enumerable.Range(0, Rows).Select(RowText));
}
