public enum Articles {}
