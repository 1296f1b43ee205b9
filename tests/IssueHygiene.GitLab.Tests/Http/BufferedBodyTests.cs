using System.Buffers;
using System.Text;
using IssueHygiene.GitLab.Http;

namespace IssueHygiene.GitLab.Tests.Http;

/// <summary>A body is read whole, in chunks that never reach the large-object heap, and read back unchanged.</summary>
public sealed class BufferedBodyTests
{
    private static byte[] Bytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26)))];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(BufferedBody.MaxChunkBytes)]
    [InlineData(BufferedBody.MaxChunkBytes + 1)]
    [InlineData(300_000)]
    public async Task ReadAsync_WithAContentLength_KeepsEveryByteInChunksBelowTheLargeObjectThreshold(int length)
    {
        var bytes = Bytes(length);

        using var body = await BufferedBody.ReadAsync(new ByteArrayContent(bytes), long.MaxValue, CancellationToken.None);

        Assert.Equal(length, body.Length);
        Assert.Equal(bytes, body.Bytes.ToArray());
        foreach (var segment in body.Bytes)
        {
            Assert.InRange(segment.Length, length == 0 ? 0 : 1, BufferedBody.MaxChunkBytes);
            Assert.True(segment.Length < 85_000, "a chunk this size would be a large object");
        }
    }

    [Fact]
    public async Task ReadAsync_WithoutAContentLength_ReadsToTheEndOfTheStream()
    {
        var bytes = Bytes(200_001);
        using var content = new StreamContent(new NoLengthStream(bytes));
        Assert.Null(content.Headers.ContentLength);

        using var body = await BufferedBody.ReadAsync(content, long.MaxValue, CancellationToken.None);

        Assert.Equal(bytes, body.Bytes.ToArray());
        Assert.Equal(200_001, body.Length);
        foreach (var segment in body.Bytes)
        {
            Assert.InRange(segment.Length, 1, BufferedBody.MaxChunkBytes);
        }
    }

    [Fact]
    public async Task ReadAsync_KeepsTheHeadersAndServesTheBodyAgain()
    {
        var content = new StringContent("""{"message": "é"}""", Encoding.UTF8, "application/json");

        using var body = await BufferedBody.ReadAsync(content, long.MaxValue, CancellationToken.None);

        Assert.Equal("application/json", body.Headers.ContentType?.MediaType);
        Assert.Equal("""{"message": "é"}""", await body.ReadAsStringAsync());
        Assert.Equal("""{"message": "é"}""", await body.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadAsync_BodyLargerThanTheLimit_Throws()
    {
        var ex = await Assert.ThrowsAsync<HttpRequestException>(
            () => BufferedBody.ReadAsync(new StreamContent(new NoLengthStream(Bytes(10_000))), 4_096, CancellationToken.None));

        Assert.Contains("4096", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream whose length is unknown (as a chunked response's is), read in small pieces.</summary>
    private sealed class NoLengthStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7_000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
