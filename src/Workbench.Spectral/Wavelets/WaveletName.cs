namespace Workbench.Spectral.Wavelets;

/// <summary>The discrete wavelets supported; <see cref="Wavelet.Parse"/> accepts their pywt names ("db2", "bior2.4").</summary>
public enum WaveletName
{
    Haar,
    Db1,
    Db2,
    Db3,
    Db4,
    Sym2,
    Sym3,
    Sym4,
    Bior24,
}
