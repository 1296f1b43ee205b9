using System.Buffers;
using System.Net;

namespace IssueHygiene.GitLab.Http;

/// <summary>
/// A GitLab response body read whole, held in chunks of at most 64 KiB. <see cref="HttpContent.LoadIntoBufferAsync()"/>
/// keeps one contiguous array the size of the body, and reading it as bytes copies it again: for a page of 100 issues
/// (about 225 KB) those are large objects, which only a full collection reclaims (a 100,000-issue dry sweep ran 77 full
/// collections and kept 9 MiB of such arrays committed). Chunks stay below the large-object threshold and die young;
/// JSON is read from them as one <see cref="ReadOnlySequence{T}"/> (<see cref="Json.SequenceJson"/>).
/// </summary>
internal sealed class BufferedBody : HttpContent
{
    // Below the large-object threshold (85,000 bytes), so no chunk ever reaches the large-object heap.
    internal const int MaxChunkBytes = 64 * 1024;

    private const int ChunkBytesWhenLengthUnknown = 16 * 1024;

    private readonly List<byte[]> _chunks;
    private readonly int _lastChunkLength;

    private BufferedBody(List<byte[]> chunks, int lastChunkLength, long length)
    {
        _chunks = chunks;
        _lastChunkLength = lastChunkLength;
        Length = length;
    }

    /// <summary>The body's length in bytes.</summary>
    public long Length { get; }

    /// <summary>The body as one sequence over its chunks (no copy).</summary>
    public ReadOnlySequence<byte> Bytes
    {
        get
        {
            if (_chunks.Count == 0)
            {
                return ReadOnlySequence<byte>.Empty;
            }

            if (_chunks.Count == 1)
            {
                return new ReadOnlySequence<byte>(_chunks[0], 0, _lastChunkLength);
            }

            var first = new Segment(_chunks[0], _chunks[0].Length, 0);
            var last = first;
            for (var i = 1; i < _chunks.Count; i++)
            {
                last = last.Append(_chunks[i], i == _chunks.Count - 1 ? _lastChunkLength : _chunks[i].Length);
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }

    /// <summary>
    /// Reads <paramref name="content"/> to its end (at most <paramref name="maxBytes"/>), disposes it, and returns a
    /// buffered copy with the same headers.
    /// </summary>
    public static async Task<BufferedBody> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var chunks = new List<byte[]>();
        long total = 0;
        var lastLength = 0;
        using (content)
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken);
            await using (stream.ConfigureAwait(false))
            {
                // HttpClient ends a body with a Content-Length at that length, so no read past it is needed.
                while (declared is not { } expected || total < expected)
                {
                    var size = declared is { } length && length > total
                        ? (int)Math.Min(MaxChunkBytes, Math.Max(length - total, 1))
                        : ChunkBytesWhenLengthUnknown;
                    var chunk = new byte[size];
                    var filled = 0;
                    while (filled < chunk.Length)
                    {
                        var read = await stream.ReadAsync(chunk.AsMemory(filled), cancellationToken);
                        if (read == 0)
                        {
                            break;
                        }

                        filled += read;
                    }

                    if (filled > 0)
                    {
                        total += filled;
                        if (total > maxBytes)
                        {
                            throw new HttpRequestException($"The response body is larger than {maxBytes} bytes.");
                        }

                        chunks.Add(chunk);
                        lastLength = filled;
                    }

                    if (filled < chunk.Length)
                    {
                        break;
                    }
                }
            }

            var body = new BufferedBody(chunks, lastLength, total);
            foreach (var header in content.Headers)
            {
                body.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return body;
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _chunks.Count; i++)
        {
            await stream.WriteAsync(_chunks[i].AsMemory(0, i == _chunks.Count - 1 ? _lastChunkLength : _chunks[i].Length), cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, int length, long runningIndex)
        {
            Memory = bytes.AsMemory(0, length);
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] bytes, int length)
        {
            var next = new Segment(bytes, length, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
