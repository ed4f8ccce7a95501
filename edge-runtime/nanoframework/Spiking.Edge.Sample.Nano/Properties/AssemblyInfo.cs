// Assembly attributes of the nanoFramework sample app (a .nfproj is not SDK-style, so they are written here).
using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Spiking.Edge.Sample.Nano")]
[assembly: AssemblyDescription("Runs a Spiking.Edge model on an EVT 2.1 event stream on a nanoFramework device.")]
[assembly: AssemblyProduct("Spiking.Edge")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: ComVisible(false)]
