// Assembly attributes of the nanoFramework build of the runtime core. The full-.NET build
// (edge-runtime/src/Spiking.Edge.Runtime/Spiking.Edge.Runtime.csproj) gets the same attributes from the SDK;
// a .nfproj is not SDK-style, so they are written here (as every nanoFramework class library does).
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Spiking.Edge.Runtime")]
[assembly: AssemblyDescription("Portable event-driven integer runtime of Spiking.Edge models, nanoFramework v1 build.")]
[assembly: AssemblyProduct("Spiking.Edge")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: ComVisible(false)]
