using System.Net.Http;
using Spiking.Edge.Devices;
using Spiking.Edge.ModelFormat;
using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.Cli;

/// <summary>Turns the failures a user can cause (bad files, flags, data) into one line; anything else is a bug and propagates.</summary>
internal static class ErrorReporter
{
    public static bool IsUserFacing(Exception ex) => ex is CliException
        or ModelFileException
        or ModelFormatException
        or EventStreamException
        or IOException
        or UnauthorizedAccessException
        or InvalidDataException
        or HttpRequestException
        or OperationCanceledException
        or ArgumentException;

    public static string OneLine(Exception ex) => ex.Message.ReplaceLineEndings(" ").Trim();
}
