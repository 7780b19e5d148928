// Placeholder until the module lands; replaced by the first real file.
