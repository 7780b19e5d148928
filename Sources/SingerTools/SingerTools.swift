// placeholder: filled in by the SingerTools layer
