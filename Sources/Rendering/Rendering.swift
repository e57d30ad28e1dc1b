public enum Rendering {}
